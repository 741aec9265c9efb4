/// Applies Omniscore's migrations: each in its own transaction, recorded in `omniscore.schema_migrations`, under
/// an advisory lock so two processes starting together do not race. Running it again changes nothing.
public struct Migrator: Sendable {
    public var migrations: [Migration]

    public init(migrations: [Migration] = Migration.all) {
        self.migrations = migrations
    }

    /// The latest version this build knows.
    public var latestVersion: Int { self.migrations.map(\.version).max() ?? 0 }

    /// Applies what is missing.
    ///
    /// - Returns: the versions applied now (empty when the schema was current).
    @discardableResult
    public func migrate(_ connection: DatabaseConnection) throws -> [Int] {
        try connection.execute("SELECT pg_advisory_lock(7263541)")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(7263541)") }
        try connection.executeScript("""
            CREATE SCHEMA IF NOT EXISTS omniscore;
            CREATE TABLE IF NOT EXISTS omniscore.schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """)
        let applied = Set(try connection.execute("SELECT version FROM omniscore.schema_migrations").rows.compactMap { $0.int(0) })
        var done: [Int] = []
        for migration in self.migrations.sorted(by: { $0.version < $1.version }) where !applied.contains(migration.version) {
            do {
                try connection.transaction {
                    try connection.executeScript(migration.sql)
                    try connection.execute("INSERT INTO omniscore.schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))")
                }
            } catch let error as StorageError {
                throw StorageError(.migrationFailed, sqlState: error.sqlState, message: "migration \(migration.version) (\(migration.name)) failed: \(error.message)", serverMessage: error.serverMessage)
            }
            done.append(migration.version)
        }
        return done
    }

    /// The applied version, or 0 for a database Omniscore never migrated.
    public func currentVersion(_ connection: DatabaseConnection) throws -> Int {
        guard try connection.execute("SELECT to_regclass('omniscore.schema_migrations') IS NOT NULL").scalar == "t" else { return 0 }
        return try connection.execute("SELECT coalesce(max(version), 0) FROM omniscore.schema_migrations").rows.first?.int(0) ?? 0
    }
}
