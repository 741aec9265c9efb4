/// A 1-based line and column (in characters) in a rubric file.
struct SourcePosition: Sendable, Hashable {
    var line: Int
    var column: Int

    static let unknown = SourcePosition(line: 0, column: 0)
}
