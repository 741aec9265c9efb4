import ArgumentParser
import OmniscoreStorage

/// `omniscore migrate`: create or update Omniscore's own schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the omniscore schema (versioned, transactional, safe to run again)."
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Then recompute the dashboard's rollups from the stored scores (after scores were written by other means).")
    var rebuildRollups = false

    func run() async throws {
        let client = self.database.client()
        try await withStorageErrors {
            let applied = try await client.withConnection { try Migrator().migrate($0) }
            if applied.isEmpty {
                print("omniscore schema is current (version \(Migrator().latestVersion))")
            } else {
                print("applied migrations \(applied.map(String.init).joined(separator: ", ")); omniscore schema is at version \(Migrator().latestVersion)")
            }
            if self.rebuildRollups {
                try await client.withConnection { try Rollups().rebuild(sha256: nil, on: $0) }
                print("dashboard rollups rebuilt from the stored scores")
            }
        }
    }
}
