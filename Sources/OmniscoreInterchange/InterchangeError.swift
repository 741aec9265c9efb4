public import OmniscoreCore

/// A record of an interchange file that cannot be read. It names the line and column and the field, and never
/// quotes message text or names: the record itself goes to the rejects file, not into logs.
public struct InterchangeError: Error, Sendable, CustomStringConvertible, Hashable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case malformedJSON, invalidUTF8, missingField, invalidField, unknownChannel, unknownRole, tooLarge, duplicateID
        }

        private let base: Base
        public static let malformedJSON = Code(base: .malformedJSON)
        public static let invalidUTF8 = Code(base: .invalidUTF8)
        public static let missingField = Code(base: .missingField)
        public static let invalidField = Code(base: .invalidField)
        public static let unknownChannel = Code(base: .unknownChannel)
        public static let unknownRole = Code(base: .unknownRole)
        public static let tooLarge = Code(base: .tooLarge)
        public static let duplicateID = Code(base: .duplicateID)

        public var description: String {
            switch self.base {
            case .malformedJSON: return "malformed_json"
            case .invalidUTF8: return "invalid_utf8"
            case .missingField: return "missing_field"
            case .invalidField: return "invalid_field"
            case .unknownChannel: return "unknown_channel"
            case .unknownRole: return "unknown_role"
            case .tooLarge: return "too_large"
            case .duplicateID: return "duplicate_id"
            }
        }
    }

    public var code: Code
    /// 1-based line number in the input.
    public var line: Int
    /// 1-based column (in characters) where the problem was found, when known.
    public var column: Int?
    /// The JSON path of the field, for example `messages[3].role`.
    public var field: String?
    /// What is wrong, without personal data.
    public var message: String
    /// The source name (a file path or `-`), set by the reader.
    public var source: String?

    public init(code: Code, line: Int, column: Int? = nil, field: String? = nil, message: String, source: String? = nil) {
        self.code = code
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.source = source
    }

    /// `file:line:column: error: field: message`.
    public var description: String {
        var text = self.source ?? "<input>"
        text += ":\(self.line)"
        if let column { text += ":\(column)" }
        text += ": error: "
        if let field { text += "\(field): " }
        return text + self.message
    }
}
