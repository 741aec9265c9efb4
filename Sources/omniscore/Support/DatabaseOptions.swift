import ArgumentParser
import Foundation
import OmniscoreRubrics
import OmniscoreStorage

/// `--database-url`, shared by every command that talks to PostgreSQL.
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("libpq connection string or postgresql:// URI. Default: $OMNISCORE_DATABASE_URL, else libpq's own defaults (PGHOST, PGPORT, PGUSER, PGDATABASE, ~/.pgpass), as psql.", valueName: "url"))
    var databaseURL: String?

    var url: String {
        self.databaseURL ?? ProcessInfo.processInfo.environment["OMNISCORE_DATABASE_URL"] ?? ""
    }

    func client() -> DatabaseClient {
        DatabaseClient(url: self.url)
    }
}

/// Turns storage errors into one sentence on standard error and exit status 2.
func withStorageErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as StorageError {
        Console.error("error: \(error.description)")
        throw ExitCode(ExitStatus.invalidInput)
    }
}

/// Checks that Omniscore's schema is current before work starts.
func requireCurrentSchema(_ client: DatabaseClient) async throws {
    let (current, latest) = try await client.withConnection { connection in
        (try Migrator().currentVersion(connection), Migrator().latestVersion)
    }
    if current < latest {
        Console.error("error: the omniscore schema is at version \(current), this build needs \(latest); run `omniscore migrate` first")
        throw ExitCode(ExitStatus.invalidInput)
    }
}

/// The rubric and its source text, for storing the version it scores with.
func loadRubricWithSource(_ reference: String) throws -> (loaded: RubricLoader.Loaded, source: String) {
    let path = RubricFiles.resolve(reference)
    let loaded = try RubricFiles.load(reference)
    let source = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return (loaded, source)
}
