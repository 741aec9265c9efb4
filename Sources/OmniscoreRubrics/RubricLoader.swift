public import OmniscoreCore

/// Loads rubric XML: safe parsing with libxml2 (no network, no DTD, no entities), validation against the rubric
/// schema, then the semantic checks of `RubricBuilder`, every problem reported as `file:line:column`.
public enum RubricLoader {
    /// A rubric that loaded, with its warnings.
    public struct Loaded: Sendable {
        public var rubric: Rubric
        public var warnings: [RubricError]
        /// The rubric compiled for scoring: compiling it is how loading checks every phrase, so callers reuse it
        /// instead of compiling the same rubric again.
        public var scorer: Scorer
    }

    /// Loads a rubric from its bytes.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - file: the name used in diagnostics.
    /// - Throws: `RubricLoadError` with every error found (and the warnings).
    public static func load(bytes: [UInt8], file: String) throws(RubricLoadError) -> Loaded {
        let parsed = try XMLDocumentReader.read(bytes, file: file)
        var builder = RubricBuilder(file: file)
        guard parsed.root.name == "rubric" else {
            throw RubricLoadError([RubricError(.schemaViolation, file: file, line: parsed.root.position.line, column: parsed.root.position.column, message: "expected a <rubric> document, found <\(parsed.root.name)>; a <pairs> file is checked with `rubric check RUBRIC --pairs FILE`")])
        }
        guard let rubric = builder.build(parsed.root, sha256: parsed.sha256) else {
            throw RubricLoadError(builder.diagnostics)
        }
        let scorer: Scorer
        do {
            scorer = try Scorer(rubric: rubric)
        } catch {
            throw RubricLoadError(builder.diagnostics + [RubricError(.invalidPhrase, file: file, line: parsed.root.position.line, column: parsed.root.position.column, message: error.message)])
        }
        return Loaded(rubric: rubric, warnings: builder.diagnostics, scorer: scorer)
    }

    /// Loads a file of contrastive pairs (`<pairs>`), to check against a rubric with
    /// `omniscore rubric check R --pairs FILE`.
    ///
    /// - Throws: `RubricLoadError` with every error found, including a document that is a rubric, not pairs.
    public static func loadPairs(bytes: [UInt8], file: String) throws(RubricLoadError) -> [RubricPair] {
        let parsed = try XMLDocumentReader.read(bytes, file: file)
        var builder = RubricBuilder(file: file)
        guard parsed.root.name == "pairs" else {
            throw RubricLoadError([RubricError(.schemaViolation, file: file, line: parsed.root.position.line, column: parsed.root.position.column, message: "expected a <pairs> document, found <\(parsed.root.name)>")])
        }
        let pairs = builder.pairs(parsed.root.children("pair"), sections: nil, criteria: nil)
        if builder.diagnostics.contains(where: { $0.severity == .error }) { throw RubricLoadError(builder.diagnostics) }
        return pairs
    }

    /// Loads a rubric from text.
    public static func load(source: String, file: String) throws(RubricLoadError) -> Loaded {
        try self.load(bytes: Array(source.utf8), file: file)
    }
}
