/// A database problem, described by code and SQLSTATE only: the server's message can echo row values, so the
/// text meant for people says what to do, and the server's detail stays in `debugDescription`.
public struct StorageError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case connectionFailed, authenticationFailed, queryFailed, missingTable, permissionDenied, copyFailed
            case connectionLost, migrationFailed, serverUnavailable, invalidConfiguration
        }

        private let base: Base
        public static let connectionFailed = Code(base: .connectionFailed)
        public static let authenticationFailed = Code(base: .authenticationFailed)
        public static let queryFailed = Code(base: .queryFailed)
        public static let missingTable = Code(base: .missingTable)
        public static let permissionDenied = Code(base: .permissionDenied)
        public static let copyFailed = Code(base: .copyFailed)
        public static let connectionLost = Code(base: .connectionLost)
        public static let migrationFailed = Code(base: .migrationFailed)
        public static let serverUnavailable = Code(base: .serverUnavailable)
        public static let invalidConfiguration = Code(base: .invalidConfiguration)

        public var description: String {
            switch self.base {
            case .connectionFailed: return "connection_failed"
            case .authenticationFailed: return "authentication_failed"
            case .queryFailed: return "query_failed"
            case .missingTable: return "missing_table"
            case .permissionDenied: return "permission_denied"
            case .copyFailed: return "copy_failed"
            case .connectionLost: return "connection_lost"
            case .migrationFailed: return "migration_failed"
            case .serverUnavailable: return "server_unavailable"
            case .invalidConfiguration: return "invalid_configuration"
            }
        }
    }

    public var code: Code
    /// The SQLSTATE reported by the server, when there is one.
    public var sqlState: String?
    /// One sentence for people, without values from rows, passwords or connection strings.
    public var message: String
    /// The server's own text (may contain row values): for debugging, never for logs by default.
    public var serverMessage: String?

    public init(_ code: Code, sqlState: String? = nil, message: String, serverMessage: String? = nil) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.serverMessage = serverMessage
    }

    public var description: String {
        self.sqlState.map { "\(self.message) (SQLSTATE \($0))" } ?? self.message
    }

    public var debugDescription: String {
        "\(self.description)\(self.serverMessage.map { ": \($0)" } ?? "")"
    }

    /// Whether retrying on a new connection may succeed (the server went away, or is starting or stopping).
    public var isTransient: Bool {
        if self.code == .connectionLost || self.code == .serverUnavailable { return true }
        guard let state = self.sqlState else { return false }
        return state.hasPrefix("08") || state == "57P01" || state == "57P02" || state == "57P03" || state == "40001" || state == "40P01"
    }
}
