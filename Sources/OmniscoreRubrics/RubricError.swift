/// A problem in a rubric file, located as `file:line:column` so editors and CI can annotate it.
///
/// Messages are about the rubric, never about a customer, and say what to do.
public struct RubricError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case unreadable, tooLarge, tooDeep, malformedXML, doctypeNotAllowed, schemaViolation, duplicateID, unknownReference
            case invalidPhrase, invalidValue, unreachable, unusedPhraseList, unknownEventKind, missingExamples
        }

        private let base: Base
        public static let unreadable = Code(base: .unreadable)
        public static let tooLarge = Code(base: .tooLarge)
        /// Elements nested past the scanner's limit.
        public static let tooDeep = Code(base: .tooDeep)
        public static let malformedXML = Code(base: .malformedXML)
        public static let doctypeNotAllowed = Code(base: .doctypeNotAllowed)
        public static let schemaViolation = Code(base: .schemaViolation)
        public static let duplicateID = Code(base: .duplicateID)
        public static let unknownReference = Code(base: .unknownReference)
        public static let invalidPhrase = Code(base: .invalidPhrase)
        public static let invalidValue = Code(base: .invalidValue)
        public static let unreachable = Code(base: .unreachable)
        public static let unusedPhraseList = Code(base: .unusedPhraseList)
        public static let unknownEventKind = Code(base: .unknownEventKind)
        public static let missingExamples = Code(base: .missingExamples)

        public var description: String {
            switch self.base {
            case .unreadable: return "unreadable"
            case .tooLarge: return "too-large"
            case .tooDeep: return "too-deep"
            case .malformedXML: return "malformed-xml"
            case .doctypeNotAllowed: return "doctype-not-allowed"
            case .schemaViolation: return "schema-violation"
            case .duplicateID: return "duplicate-id"
            case .unknownReference: return "unknown-reference"
            case .invalidPhrase: return "invalid-phrase"
            case .invalidValue: return "invalid-value"
            case .unreachable: return "unreachable"
            case .unusedPhraseList: return "unused-phrase-list"
            case .unknownEventKind: return "unknown-event-kind"
            case .missingExamples: return "missing-examples"
            }
        }
    }

    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var code: Code
    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ code: Code, severity: Severity = .error, file: String, line: Int, column: Int, message: String) {
        self.code = code
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`
    public var description: String {
        "\(self.file):\(self.line):\(self.column): \(self.severity.rawValue): \(self.message)"
    }
}

/// A rubric that failed to load, with every error found (and the warnings), not only the first.
public struct RubricLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [RubricError]

    public init(_ diagnostics: [RubricError]) {
        self.diagnostics = diagnostics
    }

    public var errors: [RubricError] { self.diagnostics.filter { $0.severity == .error } }
    public var warnings: [RubricError] { self.diagnostics.filter { $0.severity == .warning } }

    public var description: String { self.diagnostics.map(\.description).joined(separator: "\n") }
}
