/// A lightweight pass over the raw rubric bytes before libxml2 sees them.
///
/// It rejects any document type declaration or other markup declaration (the only way to define entities, so
/// XXE and "billion laughs" files never reach the parser), and it records where each start tag and attribute is,
/// in document order. libxml2 keeps only line numbers on nodes; matching the n-th element of the tree with the
/// n-th start tag here gives every semantic error an exact column too.
struct SourceScanner {
    struct Tag: Sendable {
        var position: SourcePosition
        var attributes: [String: SourcePosition]
    }

    private(set) var tags: [Tag] = []
    private let bytes: [UInt8]
    /// Where the last position asked for was: positions are asked for in document order, so each is found by
    /// walking on from the previous one, and the whole scan stays linear however long a line is.
    private var cursor = (offset: 0, line: 1, column: 1)
    /// Open elements at the current point of the scan.
    private var depth = 0

    /// Elements nested deeper than this are refused before parsing (real rubrics nest about eight deep): deep
    /// nesting costs the parser, the schema validator and the tree builder stack and time, and is never needed.
    static let maximumDepth = 64

    /// Markup that is not allowed (a markup declaration, nesting past `maximumDepth`) was found.
    struct Rejection: Error {
        enum Kind: Sendable { case declaration, tooDeep }
        var kind: Kind
        var position: SourcePosition
        var message: String
    }

    init(_ bytes: [UInt8]) throws(Rejection) {
        self.bytes = bytes
        try self.scan()
    }

    /// The line and column of byte `offset`, which is at or after the previous offset asked for.
    mutating func position(of offset: Int) -> SourcePosition {
        precondition(offset >= self.cursor.offset, "positions are asked for in document order")
        var (index, line, column) = self.cursor
        let end = min(offset, self.bytes.count)
        while index < end {
            let b = self.bytes[index]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.cursor = (offset, line, column)
        return SourcePosition(line: line, column: column)
    }

    private func starts(with text: String, at index: Int, caseInsensitive: Bool = false) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= self.bytes.count else { return false }
        for k in 0..<pattern.count {
            var b = self.bytes[index + k]
            if caseInsensitive && b >= 65 && b <= 90 { b |= 0x20 }
            if b != pattern[k] { return false }
        }
        return true
    }

    private func find(_ text: String, from index: Int) -> Int? {
        let pattern = Array(text.utf8)
        var i = index
        while i + pattern.count <= self.bytes.count {
            if self.bytes[i] == pattern[0] && self.starts(with: text, at: i) { return i }
            i += 1
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "=") || b == UInt8(ascii: ">") || b == UInt8(ascii: "/"))
    }

    private mutating func scan() throws(Rejection) {
        var i = 0
        let n = self.bytes.count
        while i < n {
            guard self.bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if self.starts(with: "<!--", at: i) {
                i = (self.find("-->", from: i + 4) ?? n - 3) + 3
            } else if self.starts(with: "<![CDATA[", at: i) {
                i = (self.find("]]>", from: i + 9) ?? n - 3) + 3
            } else if self.starts(with: "<!doctype", at: i, caseInsensitive: true) {
                throw Rejection(kind: .declaration, position: self.position(of: i), message: "a DOCTYPE is not allowed in a rubric: rubrics need no DTD, and DTDs are how external entities (XXE) and entity expansion (\"billion laughs\") attacks get in; delete the declaration")
            } else if self.starts(with: "<!", at: i) {
                throw Rejection(kind: .declaration, position: self.position(of: i), message: "markup declarations (<!ENTITY ...>, <!ELEMENT ...>) are not allowed in a rubric; delete it")
            } else if self.starts(with: "<?", at: i) {
                i = (self.find("?>", from: i + 2) ?? n - 2) + 2
            } else if self.starts(with: "</", at: i) {
                i = (self.find(">", from: i + 2) ?? n - 1) + 1
                self.depth -= 1
            } else {
                let start = i
                var selfClosing = false
                i = self.scanStartTag(at: i, selfClosing: &selfClosing)
                if !selfClosing {
                    self.depth += 1
                    if self.depth > Self.maximumDepth {
                        throw Rejection(kind: .tooDeep, position: self.tags.last?.position ?? self.position(of: start), message: "elements are nested more than \(Self.maximumDepth) deep here; a rubric never needs that, so the file is refused")
                    }
                }
            }
        }
    }

    private mutating func scanStartTag(at start: Int, selfClosing: inout Bool) -> Int {
        var tag = Tag(position: self.position(of: start), attributes: [:])
        var i = start + 1
        let n = self.bytes.count
        while i < n, SourceScanner.isNameByte(self.bytes[i]) { i += 1 }
        while i < n {
            let b = self.bytes[i]
            if b == UInt8(ascii: ">") {
                selfClosing = i > start && self.bytes[i - 1] == UInt8(ascii: "/")
                i += 1
                break
            }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "/") {
                i += 1
                continue
            }
            let nameStart = i
            while i < n, SourceScanner.isNameByte(self.bytes[i]) { i += 1 }
            let name = String(decoding: self.bytes[nameStart..<i], as: UTF8.self)
            tag.attributes[name] = self.position(of: nameStart)
            while i < n, self.bytes[i] != UInt8(ascii: "\""), self.bytes[i] != UInt8(ascii: "'"), self.bytes[i] != UInt8(ascii: ">") { i += 1 }
            if i < n, self.bytes[i] == UInt8(ascii: "\"") || self.bytes[i] == UInt8(ascii: "'") {
                let quote = self.bytes[i]
                i += 1
                while i < n, self.bytes[i] != quote { i += 1 }
                i += 1
            }
        }
        self.tags.append(tag)
        return i
    }
}
