/// A bound parameter in PostgreSQL's text format, or NULL. Values never become part of the SQL text.
public struct SQLValue: Sendable, Hashable {
    public var text: String?

    public init(text: String?) {
        self.text = text
    }

    public static let null = SQLValue(text: nil)
}

/// A Swift value that can be bound as a query parameter.
public protocol SQLBindable: Sendable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable {
    public var sqlValue: SQLValue { SQLValue(text: self) }
}

extension Int: SQLBindable {
    public var sqlValue: SQLValue { SQLValue(text: String(self)) }
}

extension Int64: SQLBindable {
    public var sqlValue: SQLValue { SQLValue(text: String(self)) }
}

extension UInt64: SQLBindable {
    public var sqlValue: SQLValue { SQLValue(text: String(Int64(bitPattern: self))) }
}

extension Double: SQLBindable {
    public var sqlValue: SQLValue { SQLValue(text: self.isFinite ? String(self) : nil) }
}

extension Bool: SQLBindable {
    public var sqlValue: SQLValue { SQLValue(text: self ? "t" : "f") }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Array: SQLBindable where Element == String {
    /// A PostgreSQL array literal; bind it as `$1::text[]`.
    public var sqlValue: SQLValue {
        var text = "{"
        for (index, element) in self.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            for scalar in element.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { text += "\\" }
                text.unicodeScalars.append(scalar)
            }
            text += "\""
        }
        return SQLValue(text: text + "}")
    }
}
