import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreRubrics
import OmniscoreStorage

/// `omniscore demo`: everything on a private PostgreSQL, from a fresh machine, in one command.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a private PostgreSQL, load the Samples, migrate, score everything and print where to look.",
        discussion: """
            The server runs from its own data folder on a unix socket and a non-default port (as the postgres OS \
            user when started as root). It keeps running until Ctrl-C, then stops cleanly; the data stays for the \
            next demo. Needs the PostgreSQL server binaries (Debian/Ubuntu: apt-get install postgresql).
            """
    )

    @Option(help: "The server's folder (data, socket, log). Default: $TMPDIR/omniscore-demo.")
    var dataDir: String?

    @Option(help: "The server's port (its unix socket is named after it).")
    var port = 54329

    @Option(name: .shortAndLong, help: "Rubric file, or the id of a rubric in Rubrics/.")
    var rubric: String = RubricFiles.defaultRubric

    @Flag(help: "Stop the server and exit after scoring instead of waiting for Ctrl-C.")
    var noWait = false

    @Flag(help: "Start from an empty data folder.")
    var fresh = false

    func run() async throws {
        let signal = ShutdownSignal()
        let directory = URL(fileURLWithPath: self.dataDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("omniscore-demo").path)
        print("starting PostgreSQL in \(directory.path) ...")
        let server = try await withStorageErrors { try EmbeddedPostgres.start(EmbeddedPostgres.Options(directory: directory, port: self.port, reuseData: !self.fresh)) }
        do {
            try await self.demo(server: server, signal: signal)
        } catch {
            server.stop()
            throw error
        }
        if !self.noWait {
            try await self.serveWorkspace(server: server)
        }
        server.stop()
        print("PostgreSQL stopped; the data stays in \(directory.path) (--fresh starts over)")
    }

    @Option(help: "Port of the review workspace (web UI).")
    var httpPort = 8080

    /// Demo users (one per role), their tokens, and the web UI until Ctrl-C.
    private func serveWorkspace(server: EmbeddedPostgres) async throws {
        let client = DatabaseClient(url: server.url(database: "omniscore"))
        let users: [(String, AccessStore.Role, String?)] = [("demo-admin", .admin, nil), ("demo-qa-lead", .qaLead, nil), ("demo-trainer", .trainer, nil), ("demo-agent-105", .agent, "agt-105")]
        var lines: [String] = []
        try await withStorageErrors {
            for (name, role, agent) in users {
                let token = try await client.withConnection { connection -> String in
                    if let id = try connection.execute("SELECT id FROM omniscore.users WHERE name = \(name)").rows.first?.int(0) {
                        return try AccessStore().issueToken(for: AccessStore.User(id: id, name: name, role: role, agentID: agent), label: "demo", on: connection)
                    }
                    return try AccessStore().createUser(name: name, role: role, agentID: agent, on: connection).1
                }
                lines.append("  \(role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(token)")
            }
        }
        print("""

            Review workspace: http://127.0.0.1:\(self.httpPort)/login
            Sign in with one of these demo tokens (one per role):
            \(lines.joined(separator: "\n"))
            Press Ctrl-C to stop the web server and PostgreSQL.
            """)
        try await WorkspaceServer.run(client: client, host: "127.0.0.1", port: self.httpPort)
        client.close()
    }

    private func demo(server: EmbeddedPostgres, signal: ShutdownSignal) async throws {
        let admin = DatabaseClient(url: server.url())
        try await withStorageErrors {
            try await admin.withConnection { connection in
                if try connection.execute("SELECT 1 FROM pg_database WHERE datname = 'omniscore'").isEmpty {
                    try connection.execute("CREATE DATABASE omniscore")
                }
            }
        }
        admin.close()
        let url = server.url(database: "omniscore")
        let client = DatabaseClient(url: url)
        let loaded = try await loadSamples(client: client, paths: ["Samples/interactions"], hubSQL: "Samples/hub.sql")
        print("loaded \(loaded.interactions) interactions, \(loaded.messages) messages, \(loaded.events) events into the hub tables (\(loaded.skipped) already there)")
        try await withStorageErrors {
            let applied = try await client.withConnection { try Migrator().migrate($0) }
            print(applied.isEmpty ? "omniscore schema is current" : "migrated the omniscore schema to version \(Migrator().latestVersion)")
        }
        let options = try ScoringOptions.parse(["--rubric", self.rubric])
        let (run, runOptions) = try await options.prepare(client: client, kind: "demo")
        let summary = try await withStorageErrors { try await run.run(runOptions, shouldStop: { signal.isRequested }) }
        print(summary.description)
        try await withStorageErrors { try await self.report(client: client, sha: run.scorer.rubric.sha256) }
        print("""

            Where to look:
              psql '\(url)'
              SELECT channel, count(*), round(avg(total)::numeric, 1) FROM omniscore.scores GROUP BY 1;
              SELECT * FROM omniscore.criterion_results WHERE verdict = 'fail' LIMIT 20;
              SELECT scorecard FROM omniscore.scores LIMIT 1;   -- every verdict with its evidence
            The same URL works for the other commands: omniscore run --once --database-url '\(url)'
            """)
        client.close()
    }

    private func report(client: DatabaseClient, sha: String) async throws {
        let (channels, failing, notScored, quarantined) = try await client.withConnection { connection in
            let channels = try connection.execute("""
                SELECT channel, count(*) FILTER (WHERE status = 'scored'), round(avg(total)::numeric, 1), count(*) FILTER (WHERE auto_failed)
                FROM omniscore.scores WHERE rubric_sha256 = \(sha) GROUP BY channel ORDER BY channel
                """).rows
            let failing = try connection.execute("""
                SELECT criterion_id, count(*) FILTER (WHERE verdict = 'fail'), count(*) FILTER (WHERE verdict <> 'na')
                FROM omniscore.criterion_results WHERE rubric_sha256 = \(sha)
                GROUP BY criterion_id ORDER BY 2 DESC, 1 LIMIT 5
                """).rows
            let notScored = try connection.execute("""
                SELECT not_scored_reason, count(*) FROM omniscore.scores WHERE rubric_sha256 = \(sha) AND status = 'not_scored' GROUP BY 1 ORDER BY 2 DESC
                """).rows
            let quarantined = try connection.execute("SELECT count(*) FROM omniscore.quarantine WHERE rubric_sha256 = \(sha)").scalar ?? "0"
            return (channels, failing, notScored, quarantined)
        }
        print("\nscored per channel (mean total, auto-failed):")
        for row in channels {
            print("  \((row[0] ?? "").padding(toLength: 10, withPad: " ", startingAt: 0)) \(row[1] ?? "0") scored, mean \(row[2] ?? "-"), auto-failed \(row[3] ?? "0")")
        }
        print("criteria that fail most:")
        for row in failing {
            print("  \((row[0] ?? "").padding(toLength: 30, withPad: " ", startingAt: 0)) fails \(row[1] ?? "0") of \(row[2] ?? "0") applicable")
        }
        print("not scored: " + (notScored.isEmpty ? "none" : notScored.map { "\($0[0] ?? "?") \($0[1] ?? "0")" }.joined(separator: ", ")) + "; quarantined: \(quarantined)")
    }
}
