/// SQL text with bound parameters. Interpolated values become `$1`, `$2`, ... and travel separately
/// (`PQexecParams`), so a value can never change the statement; only string literals convert to a query.
public struct SQLQuery: Sendable, ExpressibleByStringInterpolation {
    public var sql: String
    public var binds: [SQLValue]

    public init(stringLiteral value: String) {
        self.sql = value
        self.binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.binds = stringInterpolation.binds
    }

    /// SQL assembled at run time. Only for identifiers chosen from a closed Swift enum or for fixed statements
    /// in the package (migrations); never for anything that came from outside.
    public init(unsafeSQL sql: String, binds: [SQLValue] = []) {
        self.sql = sql
        self.binds = binds
    }

    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var sql = ""
        var binds: [SQLValue] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            self.sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            self.sql += literal
        }

        public mutating func appendInterpolation(_ value: some SQLBindable) {
            self.binds.append(value.sqlValue)
            self.sql += "$\(self.binds.count)"
        }

        /// An optional binds NULL when it is nil (spelled out so the compiler does not warn about optionals).
        public mutating func appendInterpolation<Value: SQLBindable>(_ value: Value?) {
            self.binds.append(value?.sqlValue ?? .null)
            self.sql += "$\(self.binds.count)"
        }
    }
}
