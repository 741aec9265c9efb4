import ArgumentParser
import Foundation
import OmniscoreInterchange
import OmniscoreStorage

/// `omniscore samples load`: fill the hub tables from Samples JSONL.
struct SamplesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Work with the sample interactions.",
        subcommands: [Load.self]
    )

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load",
            abstract: "Create the hub tables (Samples/hub.sql) if missing and load interactions from JSONL into them."
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "JSONL files or folders of them.")
        var paths: [String] = ["Samples/interactions"]

        @Option(help: "The hub schema script to run first (CREATE TABLE IF NOT EXISTS ...).")
        var hubSQL = "Samples/hub.sql"

        func run() async throws {
            let summary = try await loadSamples(client: self.database.client(), paths: self.paths, hubSQL: self.hubSQL)
            print("loaded \(summary.interactions) interactions, \(summary.messages) messages, \(summary.events) events (\(summary.skipped) already present)")
        }
    }
}

/// Creates the hub tables and loads JSONL files; bad lines are reported with file and line and not loaded.
func loadSamples(client: DatabaseClient, paths: [String], hubSQL: String) async throws -> HubLoader.Summary {
    let script: String
    do {
        script = try String(contentsOfFile: hubSQL, encoding: .utf8)
    } catch {
        Console.error("\(hubSQL): error: cannot read the hub schema script")
        throw ExitCode(ExitStatus.invalidInput)
    }
    let (interactions, rejects) = try await withStorageErrors { try SampleFiles.read(paths) }
    for reject in rejects { Console.error(reject.description) }
    if !rejects.isEmpty { Console.error("\(rejects.count) line(s) could not be read and were not loaded") }
    return try await withStorageErrors {
        try await client.withConnection { connection in
            try connection.executeScript(script)
            return try HubLoader().load(interactions, into: connection)
        }
    }
}
