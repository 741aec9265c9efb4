import CLibXML2
import Crypto

/// Swift runs a global's initialiser exactly once, which is how libxml2 gets initialised before first use.
/// Library code never calls `xmlCleanupParser()`: other code in the process may still use libxml2.
private let libxml2Initialised: Void = xmlInitParser()

/// Parses and validates rubric XML with libxml2, safely, and returns Swift values only: no libxml2 pointer leaves
/// this file.
enum XMLDocumentReader {
    /// The namespace of the rubric language.
    static let namespace = "urn:omniscore:rubric:1"
    /// Rubrics larger than this are refused before parsing.
    static let maximumBytes = 4 << 20

    struct Parsed {
        var root: XMLElement
        /// SHA-256 (hex) of the canonical form (Canonical XML 1.0, without comments) of the document.
        var sha256: String
    }

    /// Parses `bytes`, checks it against the rubric schema and builds the element tree.
    ///
    /// - Throws: `RubricLoadError` with every schema violation, or with the first well-formedness error.
    static func read(_ bytes: [UInt8], file: String) throws(RubricLoadError) -> Parsed {
        _ = libxml2Initialised
        func fail(_ code: RubricError.Code, _ position: SourcePosition, _ message: String) -> RubricLoadError {
            RubricLoadError([RubricError(code, file: file, line: max(position.line, 1), column: max(position.column, 1), message: message)])
        }
        guard bytes.count <= maximumBytes else {
            throw fail(.tooLarge, SourcePosition(line: 1, column: 1), "the rubric is \(bytes.count) bytes, over the \(maximumBytes)-byte limit; split it")
        }
        let scanner: SourceScanner
        do {
            scanner = try SourceScanner(bytes)
        } catch {
            throw fail(error.kind == .tooDeep ? .tooDeep : .doctypeNotAllowed, error.position, error.message)
        }
        guard let context = xmlNewParserCtxt() else { throw fail(.unreadable, .unknown, "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        // Every well-formedness error, in order (libxml2 keeps only the last one on the context). The structured
        // handler is per thread in libxml2, and this thread parses nothing else until it is reset.
        let parseErrors = ErrorCollector()
        let collecting = Unmanaged.passRetained(parseErrors)
        xmlSetStructuredErrorFunc(collecting.toOpaque(), collectError)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), file, "UTF-8", omniscore_rubric_parse_options())
            }
        }
        xmlSetStructuredErrorFunc(nil, nil)
        collecting.release()
        guard let document else {
            var seen = Set<String>()
            let errors = parseErrors.errors.compactMap { error -> RubricError? in
                let position = SourcePosition(line: max(error.line, 1), column: max(error.column, 1))
                guard seen.insert("\(position.line):\(position.column):\(error.message)").inserted else { return nil }
                return RubricError(.malformedXML, file: file, line: position.line, column: position.column, message: "malformed XML: \(error.message)")
            }
            if !errors.isEmpty { throw RubricLoadError(errors) }
            if let error = xmlCtxtGetLastError(context) {
                let message = XMLDocumentReader.message(error)
                throw fail(.malformedXML, SourcePosition(line: Int(error.pointee.line), column: Int(error.pointee.int2)), "malformed XML: \(message)")
            }
            throw fail(.malformedXML, .unknown, "malformed XML")
        }
        defer { xmlFreeDoc(document) }
        guard document.pointee.intSubset == nil else {
            throw fail(.doctypeNotAllowed, SourcePosition(line: 1, column: 1), "a DOCTYPE is not allowed in a rubric")
        }
        guard let rootNode = xmlDocGetRootElement(document) else {
            throw fail(.malformedXML, .unknown, "the document has no root element")
        }

        // Preorder index of every element, to give schema errors the column of their start tag.
        var order: [UnsafeMutableRawPointer: Int] = [:]
        var elementCount = 0
        func number(_ node: xmlNodePtr) {
            order[UnsafeMutableRawPointer(node)] = elementCount
            elementCount += 1
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { number(current) }
                child = current.pointee.next
            }
        }
        number(rootNode)
        func position(ofElement index: Int?) -> SourcePosition? {
            guard let index, index < scanner.tags.count else { return nil }
            return scanner.tags[index].position
        }

        try self.validate(document, file: file) { node, line in
            if let node, let index = order[node], let position = position(ofElement: index) { return position }
            return SourcePosition(line: line, column: 1)
        }

        var next = 0
        func build(_ node: xmlNodePtr) -> XMLElement {
            let index = next
            next += 1
            let tag = index < scanner.tags.count ? scanner.tags[index] : SourceScanner.Tag(position: SourcePosition(line: Int(xmlGetLineNo(node)), column: 1), attributes: [:])
            var attributes: [(String, String)] = []
            var property = node.pointee.properties
            while let attribute = property {
                let name = String(cString: attribute.pointee.name)
                var value = ""
                var text = attribute.pointee.children
                while let t = text {
                    if let content = t.pointee.content { value += String(cString: content) }
                    text = t.pointee.next
                }
                attributes.append((name, value))
                property = attribute.pointee.next
            }
            var children: [XMLElement] = []
            var text = ""
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    children.append(build(current))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { text += String(cString: content) }
                default:
                    break
                }
                child = current.pointee.next
            }
            return XMLElement(name: String(cString: node.pointee.name), attributes: attributes, children: children, text: text, position: tag.position, attributePositions: tag.attributes)
        }
        let root = build(rootNode)
        return Parsed(root: root, sha256: try self.canonicalHash(document, file: file))
    }

    /// Validates the document against the embedded schema, collecting every violation.
    private static func validate(_ document: xmlDocPtr, file: String, locate: (UnsafeMutableRawPointer?, Int) -> SourcePosition) throws(RubricLoadError) {
        guard let schema = CompiledSchema.shared.schema else {
            throw RubricLoadError([RubricError(.unreadable, file: file, line: 1, column: 1, message: "the embedded rubric schema does not compile: \(CompiledSchema.shared.problem)")])
        }
        guard let validator = xmlSchemaNewValidCtxt(schema) else {
            throw RubricLoadError([RubricError(.unreadable, file: file, line: 1, column: 1, message: "out of memory")])
        }
        defer { xmlSchemaFreeValidCtxt(validator) }
        let collector = ErrorCollector()
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        xmlSchemaSetValidStructuredErrors(validator, collectError, unmanaged.toOpaque())
        let status = xmlSchemaValidateDoc(validator, document)
        guard status != 0 else { return }
        var diagnostics: [RubricError] = []
        for error in collector.errors {
            let position = locate(error.node, error.line)
            diagnostics.append(RubricError(.schemaViolation, file: file, line: max(position.line, 1), column: max(position.column, 1), message: XMLDocumentReader.explain(error.message)))
        }
        if diagnostics.isEmpty {
            diagnostics.append(RubricError(.schemaViolation, file: file, line: 1, column: 1, message: "the rubric does not match the schema"))
        }
        throw RubricLoadError(diagnostics)
    }

    /// SHA-256 of the Canonical XML 1.0 form without comments: reformatting attributes, quotes or comments does not
    /// change a rubric's identity, any change to its content does.
    private static func canonicalHash(_ document: xmlDocPtr, file: String) throws(RubricLoadError) -> String {
        var output: UnsafeMutablePointer<xmlChar>? = nil
        let length = xmlC14NDocDumpMemory(document, nil, Int32(XML_C14N_1_0.rawValue), nil, 0, &output)
        guard length >= 0, let output else {
            throw RubricLoadError([RubricError(.unreadable, file: file, line: 1, column: 1, message: "cannot canonicalise the rubric")])
        }
        defer { omniscore_xml_free(output) }
        let digest = SHA256.hash(data: UnsafeRawBufferPointer(start: output, count: Int(length)))
        return digest.map { byte in
            let hex = Array("0123456789abcdef")
            return String([hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }.joined()
    }

    static func message(_ error: UnsafePointer<xmlError>) -> String {
        guard let text = error.pointee.message else { return "unknown error" }
        return String(cString: text).trimmingTrailingNewlines
    }

    /// libxml2's schema messages name elements as `{urn:omniscore:rubric:1}criterion`; drop the namespace.
    static func explain(_ message: String) -> String {
        var text = message.replacingOccurrences(of: "{\(namespace)}", with: "")
        if text.hasPrefix("Element '") {
            text = "element " + text.dropFirst("Element ".count)
        }
        return text
    }
}

/// The rubric schema, compiled once. Unchecked `Sendable` because the compiled `xmlSchema` is never modified after
/// `xmlSchemaParse` returns, and libxml2 allows one schema to be shared by validation contexts on any thread as
/// long as each validation has its own context (which `validate` creates per document).
private final class CompiledSchema: @unchecked Sendable {
    static let shared = CompiledSchema()

    let schema: xmlSchemaPtr?
    let problem: String

    private init() {
        _ = libxml2Initialised
        // The parser context reads the buffer during xmlSchemaParse, so both happen while the bytes are pinned.
        let bytes = Array(RubricSchema.source.utf8)
        let collector = ErrorCollector()
        let (schema, problem): (xmlSchemaPtr?, String) = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let parser = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return (nil, "out of memory") }
                defer { xmlSchemaFreeParserCtxt(parser) }
                let unmanaged = Unmanaged.passRetained(collector)
                defer { unmanaged.release() }
                xmlSchemaSetParserStructuredErrors(parser, collectError, unmanaged.toOpaque())
                let schema = xmlSchemaParse(parser)
                return (schema, collector.errors.first?.message ?? "")
            }
        }
        self.schema = schema
        self.problem = problem
    }
}

/// Collects libxml2 structured errors; passed to libxml2 as an opaque pointer.
private final class ErrorCollector {
    struct Collected {
        var line: Int
        /// libxml2's column (`int2`) for parser errors; 0 where it has none.
        var column: Int
        var node: UnsafeMutableRawPointer?
        var message: String
    }

    var errors: [Collected] = []
}

/// libxml2's structured error callback is not variadic, so Swift can provide it.
private func collectError(_ context: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let context, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
    collector.errors.append(.init(line: Int(error.pointee.line), column: Int(error.pointee.int2), node: error.pointee.node, message: XMLDocumentReader.message(UnsafePointer(error))))
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" || text.last == "\r" || text.last == " " { text.removeLast() }
        return text
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        var index = self.startIndex
        while index < self.endIndex {
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
