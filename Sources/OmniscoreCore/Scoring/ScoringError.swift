/// A rubric that cannot be compiled for scoring. The XML loader reports these with file positions before they
/// can happen; rubrics built in code meet them here.
public struct ScoringError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case invalidPhrase
            case unknownPhraseList
        }

        private let base: Base
        public static let invalidPhrase = Code(base: .invalidPhrase)
        public static let unknownPhraseList = Code(base: .unknownPhraseList)

        public var description: String {
            switch self.base {
            case .invalidPhrase: return "invalid phrase"
            case .unknownPhraseList: return "unknown phrase list"
            }
        }
    }

    public var code: Code
    /// Which phrase list (and phrase) is at fault, and what to do.
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(self.code): \(self.message)" }
}
