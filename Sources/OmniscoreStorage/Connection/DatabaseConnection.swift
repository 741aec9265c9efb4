import CLibPQ
import Foundation

/// One libpq connection. Every method blocks, so it is only ever used inside `DatabaseClient.withConnection`,
/// which runs the closure on the client's own dispatch queue, never on Swift's cooperative pool.
///
/// Unchecked `Sendable`: the client lends a connection to one closure at a time, so no two threads use the same
/// `PGconn` at once; results are copied into Swift values and cleared before a method returns.
public final class DatabaseConnection: @unchecked Sendable {
    let raw: OpaquePointer
    /// Statements that completed on this connection: the client retries work on a fresh connection only when a
    /// stale pooled one failed before any statement of it ran.
    private(set) var completedStatements = 0

    /// Connects with a libpq connection string or URI; empty means libpq's defaults (the `PG*` environment
    /// variables, `.pgpass`, the default socket), exactly as psql would.
    public init(url: String) throws(StorageError) {
        let keywords = ["application_name", "dbname"]
        let values = ["omniscore", url]
        var keywordPointers = keywords.map { strdup($0) } + [nil]
        var valuePointers = values.map { strdup($0) } + [nil]
        defer {
            keywordPointers.forEach { free($0) }
            valuePointers.forEach { free($0) }
        }
        // expand_dbname = 1: `dbname` may hold a whole connection string or URI, and later keywords lose to it.
        let connection = keywordPointers.withUnsafeMutableBufferPointer { k in
            valuePointers.withUnsafeMutableBufferPointer { v in
                k.withMemoryRebound(to: UnsafePointer<CChar>?.self) { kc in
                    v.withMemoryRebound(to: UnsafePointer<CChar>?.self) { vc in
                        PQconnectdbParams(kc.baseAddress, vc.baseAddress, 1)
                    }
                }
            }
        }
        guard let connection else {
            throw StorageError(.connectionFailed, message: "could not allocate a database connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let server = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(connection)
            throw Self.connectionError(server)
        }
        self.raw = connection
        _ = try? self.execute("SET client_min_messages = warning")
    }

    deinit {
        PQfinish(self.raw)
    }

    /// One sentence per failure people actually meet, never echoing the password or the connection string.
    static func connectionError(_ server: String) -> StorageError {
        let lower = server.lowercased()
        if lower.contains("password authentication failed") || lower.contains("no password supplied") || lower.contains("authentication failed") {
            return StorageError(.authenticationFailed, sqlState: "28P01", message: "the database refused the user name or password; check --database-url, PGUSER/PGPASSWORD or ~/.pgpass", serverMessage: server)
        }
        if lower.contains("database") && lower.contains("does not exist") {
            return StorageError(.connectionFailed, sqlState: "3D000", message: "the database named in the connection URL does not exist; create it or fix the URL", serverMessage: server)
        }
        if lower.contains("role") && lower.contains("does not exist") {
            return StorageError(.authenticationFailed, sqlState: "28000", message: "the database user named in the connection URL does not exist", serverMessage: server)
        }
        if lower.contains("invalid uri") || lower.contains("invalid connection option") || lower.contains("missing \"=\"")
            || lower.contains("invalid integer value") || lower.contains("unterminated quoted string") || lower.contains("invalid percent-encoded")
            || lower.contains("unexpected spaces") || lower.contains("invalid sslmode") || lower.contains("extra key/value separator")
        {
            return StorageError(.invalidConfiguration, message: "the database URL is not a valid libpq connection string or postgresql:// URI", serverMessage: server)
        }
        if lower.contains("starting up") || lower.contains("shutting down") {
            return StorageError(.serverUnavailable, sqlState: "57P03", message: "the database server is starting up or shutting down; try again shortly", serverMessage: server)
        }
        return StorageError(.serverUnavailable, message: "could not reach the database server; is it running, and are the host, port or socket in the URL right?", serverMessage: server)
    }

    /// Whether the connection is still usable.
    public var isHealthy: Bool { PQstatus(self.raw) == CONNECTION_OK }

    /// Whether an idle pooled connection can be lent again: healthy, outside any transaction, and its server
    /// still there. A server that restarted or ended the session has closed the socket (or sent a FATAL notice),
    /// which a zero-timeout poll sees without a round trip; reading it turns the status bad.
    var isReusable: Bool {
        guard self.isHealthy, PQtransactionStatus(self.raw) == PQTRANS_IDLE else { return false }
        let socket = PQsocket(self.raw)
        guard socket >= 0 else { return false }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        if ready < 0 { return false }
        if ready > 0 {
            if descriptor.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 { return false }
            if PQconsumeInput(self.raw) != 1 { return false }
            // Notifications of an earlier LISTEN are not this borrower's business.
            while let notify = PQnotifies(self.raw) { PQfreemem(notify) }
        }
        return self.isHealthy
    }

    /// The server's process id for this session.
    public var backendPID: Int { Int(PQbackendPID(self.raw)) }

    /// Runs one statement with bound parameters (text format) and copies the result out.
    @discardableResult
    public func execute(_ query: SQLQuery) throws(StorageError) -> SQLRows {
        var pointers: [UnsafeMutablePointer<CChar>?] = query.binds.map { $0.text.map { strdup($0) } ?? nil }
        defer { pointers.forEach { free($0) } }
        let result = pointers.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { values in
                PQexecParams(self.raw, query.sql, Int32(query.binds.count), nil, values.baseAddress, nil, nil, 0)
            }
        }
        return try self.consume(result)
    }

    /// Runs a script of several statements without parameters (migrations, fixed DDL).
    public func executeScript(_ script: String) throws(StorageError) {
        try self.consume(PQexec(self.raw, script))
    }

    @discardableResult
    func consume(_ result: OpaquePointer?) throws(StorageError) -> SQLRows {
        guard let result else { throw self.lostOrFailed(nil) }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            self.completedStatements += 1
            return SQLRows(affected: Int(String(cString: PQcmdTuples(result))) ?? 0)
        case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
            self.completedStatements += 1
            let rowCount = Int(PQntuples(result))
            let columnCount = Int(PQnfields(result))
            var columns: [String] = []
            columns.reserveCapacity(columnCount)
            for column in 0..<columnCount { columns.append(String(cString: PQfname(result, Int32(column)))) }
            var values: [[String?]] = []
            values.reserveCapacity(rowCount)
            for row in 0..<rowCount {
                var rowValues: [String?] = []
                rowValues.reserveCapacity(columnCount)
                for column in 0..<columnCount {
                    if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                        rowValues.append(nil)
                    } else {
                        rowValues.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                    }
                }
                values.append(rowValues)
            }
            return SQLRows(columns: columns, values: values)
        default:
            throw self.lostOrFailed(result)
        }
    }

    /// The error of a failed result, or of a connection that went away.
    func lostOrFailed(_ result: OpaquePointer?) -> StorageError {
        let sqlState = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        let server = result.map { String(cString: PQresultErrorMessage($0)) } ?? String(cString: PQerrorMessage(self.raw))
        // libpq's own errors carry no SQLSTATE: they are the ones of the link ("server closed the connection
        // unexpectedly", "could not send data to server: Broken pipe"), which a fresh connection can retry.
        if PQstatus(self.raw) != CONNECTION_OK || sqlState == nil || sqlState?.hasPrefix("08") == true
            || sqlState == "57P01" || sqlState == "57P02" || sqlState == "57P03"
        {
            return StorageError(.connectionLost, sqlState: sqlState, message: "the connection to the database was lost", serverMessage: server)
        }
        switch sqlState {
        case "42P01"?:
            let table = Self.quotedName(in: server)
            return StorageError(.missingTable, sqlState: sqlState, message: "a table Omniscore needs is missing\(table.map { ": \($0)" } ?? ""); run `omniscore migrate`, or create the hub tables (Samples/hub.sql, docs/database.md)", serverMessage: server)
        case "42501"?:
            let table = Self.quotedName(in: server) ?? Self.objectAfterPermissionDenied(in: server)
            return StorageError(.permissionDenied, sqlState: sqlState, message: "the database user lacks a privilege\(table.map { " on \($0)" } ?? ""); see the GRANTs in docs/database.md", serverMessage: server)
        default:
            return StorageError(.queryFailed, sqlState: sqlState, message: "a database statement failed", serverMessage: server)
        }
    }

    /// The first double-quoted name in a server message ("relation "interactions" does not exist"): a table
    /// name, never a row value, for the messages that carry one.
    static func quotedName(in message: String) -> String? {
        let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let name = String(parts[1])
        return name.count <= 64 && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) ? name : nil
    }

    /// "permission denied for table messages" / "for view messages" names the object without quotes.
    static func objectAfterPermissionDenied(in message: String) -> String? {
        let words = message.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard let index = words.firstIndex(where: { $0 == "for" }), index + 2 < words.count,
            ["table", "view", "relation", "schema", "sequence", "function", "database"].contains(words[index + 1])
        else { return nil }
        let name = String(words[index + 2])
        return name.count <= 64 && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) ? name : nil
    }

    /// Runs `body` inside BEGIN/COMMIT, rolling back if it throws.
    /// Inside a transaction already, `body` runs in a savepoint of it instead: its changes commit with the
    /// outer transaction, and a failure rolls back only what `body` did.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let nested = PQtransactionStatus(self.raw) != PQTRANS_IDLE
        try self.execute(nested ? "SAVEPOINT omniscore_nested" : "BEGIN")
        do {
            let value = try body()
            try self.execute(nested ? "RELEASE SAVEPOINT omniscore_nested" : "COMMIT")
            return value
        } catch {
            if self.isHealthy { _ = try? self.execute(nested ? "ROLLBACK TO SAVEPOINT omniscore_nested" : "ROLLBACK") }
            throw error
        }
    }

    /// Streams `data` (PostgreSQL COPY text format) into `COPY ... FROM STDIN`.
    ///
    /// - Returns: the number of rows copied.
    @discardableResult
    public func copyIn(_ statement: SQLQuery, data: [UInt8]) throws(StorageError) -> Int {
        precondition(statement.binds.isEmpty, "COPY takes no parameters")
        guard let start = PQexec(self.raw, statement.sql) else { throw self.lostOrFailed(nil) }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            defer { PQclear(start) }
            throw self.lostOrFailed(start)
        }
        PQclear(start)
        self.completedStatements += 1
        let chunk = 1 << 20
        var offset = 0
        var failed = false
        data.withUnsafeBufferPointer { buffer in
            while offset < buffer.count {
                let length = min(chunk, buffer.count - offset)
                let sent = buffer.baseAddress!.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: length) {
                    PQputCopyData(self.raw, $0, Int32(length))
                }
                if sent != 1 {
                    failed = true
                    return
                }
                offset += length
            }
        }
        if PQputCopyEnd(self.raw, failed ? "client failed to send data" : nil) != 1 { failed = true }
        var rows = 0
        var error: StorageError?
        while let result = PQgetResult(self.raw) {
            if PQresultStatus(result) != PGRES_COMMAND_OK {
                error = error ?? self.lostOrFailed(result)
            } else {
                rows = Int(String(cString: PQcmdTuples(result))) ?? 0
            }
            PQclear(result)
        }
        if let error { throw error }
        if failed { throw StorageError(.copyFailed, message: "sending COPY data to the database failed", serverMessage: String(cString: PQerrorMessage(self.raw))) }
        return rows
    }

    /// Runs `COPY ... TO STDOUT` and hands each data row to `row` (bytes without the copy framing).
    ///
    /// - Returns: bytes received.
    @discardableResult
    public func copyOut(_ statement: SQLQuery, row: (UnsafeRawBufferPointer) -> Void = { _ in }) throws(StorageError) -> Int {
        precondition(statement.binds.isEmpty, "COPY takes no parameters")
        guard let start = PQexec(self.raw, statement.sql) else { throw self.lostOrFailed(nil) }
        guard PQresultStatus(start) == PGRES_COPY_OUT else {
            defer { PQclear(start) }
            throw self.lostOrFailed(start)
        }
        PQclear(start)
        self.completedStatements += 1
        var total = 0
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(self.raw, &buffer, 0)
            if length > 0, let buffer {
                total += Int(length)
                row(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
                PQfreemem(buffer)
            } else {
                break
            }
        }
        var error: StorageError?
        while let result = PQgetResult(self.raw) {
            if PQresultStatus(result) != PGRES_COMMAND_OK { error = error ?? self.lostOrFailed(result) }
            PQclear(result)
        }
        if let error { throw error }
        return total
    }

    /// Waits up to `timeout` for NOTIFY messages on channels this session LISTENs to.
    public func notifications(waitingUpTo timeout: Duration) throws(StorageError) -> [(channel: String, payload: String)] {
        var found = self.drainNotifications()
        if !found.isEmpty { return found }
        let socket = PQsocket(self.raw)
        guard socket >= 0 else { throw self.lostOrFailed(nil) }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        _ = poll(&descriptor, 1, milliseconds)
        if PQconsumeInput(self.raw) != 1 { throw self.lostOrFailed(nil) }
        found = self.drainNotifications()
        return found
    }

    private func drainNotifications() -> [(channel: String, payload: String)] {
        var found: [(channel: String, payload: String)] = []
        while let notify = PQnotifies(self.raw) {
            found.append((String(cString: notify.pointee.relname), String(cString: notify.pointee.extra)))
            PQfreemem(notify)
        }
        return found
    }
}
