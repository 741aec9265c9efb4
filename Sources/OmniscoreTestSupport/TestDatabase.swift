public import Foundation
public import OmniscoreStorage

/// Real PostgreSQL for tests, never a mock: one throwaway server per test process, started on first use with the
/// same launcher as `omniscore demo`, and a fresh database per test that is always dropped afterwards.
/// Missing server binaries fail the test with the package to install; nothing skips silently.
public enum TestDatabase {
    private static let server: Result<EmbeddedPostgres, any Error> = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omniscore-test-\(ProcessInfo.processInfo.processIdentifier)")
        let result = Result { try EmbeddedPostgres.start(EmbeddedPostgres.Options(directory: directory, port: 55432, reuseData: false)) }
        if case .success = result {
            atexit { TestDatabase.stopSharedServer() }
        }
        return result
    }()

    private static func stopSharedServer() {
        if case .success(let server) = self.server { server.destroy() }
    }

    /// The shared server (started on first use).
    public static func sharedServer() throws -> EmbeddedPostgres {
        try self.server.get()
    }

    /// Runs `body` with a client of a new, empty database, dropped afterwards whatever happens.
    public static func withDatabase<T>(_ body: (DatabaseClient, String) async throws -> T) async throws -> T {
        let server = try self.sharedServer()
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let admin = try DatabaseConnection(url: server.url())
        try admin.execute(SQLQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        let url = server.url(database: String(name))
        let client = DatabaseClient(url: url)
        do {
            let value = try await body(client, url)
            client.close()
            try admin.execute(SQLQuery(unsafeSQL: "DROP DATABASE \(name) WITH (FORCE)"))
            return value
        } catch {
            client.close()
            _ = try? admin.execute(SQLQuery(unsafeSQL: "DROP DATABASE \(name) WITH (FORCE)"))
            throw error
        }
    }

    /// Runs `body` with a server of its own (for tests that restart or stop it).
    public static func withPrivateServer<T>(port: Int = 55433, _ body: (EmbeddedPostgres) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omniscore-test-private-\(ProcessInfo.processInfo.processIdentifier)-\(port)")
        let server = try EmbeddedPostgres.start(EmbeddedPostgres.Options(directory: directory, port: port, reuseData: false))
        defer { server.destroy() }
        return try await body(server)
    }

    /// The package root, for reading Samples and Rubrics.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Creates the hub tables (Samples/hub.sql) and Omniscore's schema in the database of `client`.
    public static func prepare(_ client: DatabaseClient, migrate: Bool = true) async throws {
        let script = try String(contentsOf: self.packageRoot.appendingPathComponent("Samples/hub.sql"), encoding: .utf8)
        try await client.withConnection { connection in
            try connection.executeScript(script)
            if migrate { try Migrator().migrate(connection) }
        }
    }
}
