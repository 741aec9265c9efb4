/// The rows of a result, copied out of libpq into Swift values (no C pointer outlives the call).
public struct SQLRows: Sendable {
    public var columns: [String]
    public var values: [[String?]]
    /// Rows affected by INSERT/UPDATE/DELETE (`PQcmdTuples`), 0 otherwise.
    public var affected: Int

    public init(columns: [String] = [], values: [[String?]] = [], affected: Int = 0) {
        self.columns = columns
        self.values = values
        self.affected = affected
    }

    public var count: Int { self.values.count }
    public var isEmpty: Bool { self.values.isEmpty }

    public subscript(row: Int) -> SQLRow { SQLRow(values: self.values[row], columns: self.columns) }

    public var rows: [SQLRow] { self.values.map { SQLRow(values: $0, columns: self.columns) } }

    /// The single value of a one-row, one-column result.
    public var scalar: String? { self.values.first?.first ?? nil }
}

/// One row, read by column position or name.
public struct SQLRow: Sendable {
    public var values: [String?]
    public var columns: [String]

    public subscript(_ index: Int) -> String? { self.values[index] }

    public subscript(_ name: String) -> String? {
        guard let index = self.columns.firstIndex(of: name) else { return nil }
        return self.values[index]
    }

    public func int(_ index: Int) -> Int? { self.values[index].flatMap { Int($0) } }
    public func double(_ index: Int) -> Double? { self.values[index].flatMap { Double($0) } }
    public func bool(_ index: Int) -> Bool? { self.values[index].map { $0 == "t" } }
    public func int(_ name: String) -> Int? { self[name].flatMap { Int($0) } }
    public func double(_ name: String) -> Double? { self[name].flatMap { Double($0) } }
}
