import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreStorage
import OmniscoreTestSupport
import Testing

@Suite("PostgreSQL store and scoring runs, on a real server")
struct StorageTests {
    @Test("migrations apply once, in order, and running them again changes nothing")
    func migrations() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await TestDatabase.prepare(client, migrate: false)
            let first = try await client.withConnection { try Migrator().migrate($0) }
            let second = try await client.withConnection { try Migrator().migrate($0) }
            let version = try await client.withConnection { try Migrator().currentVersion($0) }
            #expect(first == Migration.all.map(\.version))
            #expect(second.isEmpty)
            #expect(version == Migrator().latestVersion)
        }
    }

    @Test("bound parameters carry hostile text unchanged and never change the statement")
    func boundParameters() async throws {
        try await TestDatabase.withDatabase { client, _ in
            let hostile = "x'); DROP TABLE t; -- \\ \"quoted\" \t tab ünïcødé"
            let echoed = try await client.withConnection { connection in
                try connection.execute("CREATE TABLE t (v text)")
                try connection.execute("INSERT INTO t VALUES (\(hostile))")
                return try connection.execute("SELECT v FROM t WHERE v = \(hostile)").scalar
            }
            #expect(echoed == hostile)
            let array = try await client.withConnection { try $0.execute("SELECT (\(["a\"b", "c\\d", "e,f"])::text[])[3]").scalar }
            #expect(array == "e,f")
        }
    }

    @Test("a transaction inside a transaction is a savepoint: its failure undoes only its own work, and nothing commits early")
    func nestedTransactions() async throws {
        try await TestDatabase.withDatabase { client, _ in
            struct Planned: Error {}
            let rows = try await client.withConnection { connection in
                try connection.execute("CREATE TABLE t (v text)")
                try connection.transaction {
                    try connection.execute("INSERT INTO t VALUES ('outer')")
                    try? connection.transaction {
                        try connection.execute("INSERT INTO t VALUES ('inner, undone')")
                        throw Planned()
                    }
                    try connection.transaction { try connection.execute("INSERT INTO t VALUES ('inner, kept')") }
                }
                _ = try? connection.transaction {
                    try connection.execute("INSERT INTO t VALUES ('outer, undone')")
                    try connection.transaction { try connection.execute("INSERT INTO t VALUES ('inner of an undone outer')") }
                    throw Planned()
                }
                return try connection.execute("SELECT v FROM t ORDER BY v").values.map { $0[0] ?? "" }
            }
            #expect(rows == ["inner, kept", "outer"])
        }
    }

    @Test("the Samples load into the hub tables once; loading again adds nothing")
    func loadSamples() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await TestDatabase.prepare(client)
            let first = try await client.withConnection { try HubLoader().load(Stock.samples, into: $0) }
            let second = try await client.withConnection { try HubLoader().load(Stock.samples, into: $0) }
            #expect(first.interactions == Stock.samples.count)
            #expect(first.messages == Stock.samples.reduce(0) { $0 + $1.messages.count })
            #expect(first.events == Stock.samples.reduce(0) { $0 + $1.events.count })
            #expect(second.interactions == 0)
            #expect(second.skipped == Stock.samples.count)
        }
    }

    @Test("an interaction read back from the database scores exactly as from its JSONL")
    func roundTrip() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Stock.loaded(client)
            let ids = Stock.samples.prefix(40).map(\.id)
            let batch = try await client.withConnection { try InteractionStore().read(ids, on: $0) }
            #expect(batch.quarantined.isEmpty)
            for (original, read) in zip(Stock.samples.prefix(40), batch.interactions) {
                // The hub keeps the team on the agent, not on the interaction.
                var original = original
                var read = read
                original.team = nil
                read.team = nil
                let a = ScorecardEncoder.encodeString(Stock.scorer.score(original))
                let b = ScorecardEncoder.encodeString(Stock.scorer.score(read))
                #expect(a == b, "\(original.id)")
            }
        }
    }

    @Test("run --once scores every interaction once, pinned to the rubric SHA-256, and matches the streaming scorer")
    func runOnce() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Stock.loaded(client)
            let run = ScoringRun(client: client, scorer: Stock.scorer, rubricSource: Stock.rubricSource)
            let summary = try await run.run(ScoringRun.Options(workers: 2, batchSize: 37))
            #expect(summary.sampled == Stock.samples.count)
            #expect(summary.totals.scored + summary.totals.notScored == Stock.samples.count)
            #expect(summary.totals.quarantined == 0)
            let again = try await run.run(ScoringRun.Options())
            #expect(again.sampled == 0)
            let rows = try await client.withConnection { connection in
                try connection.execute("SELECT interaction_id, total, status, rubric_sha256 FROM omniscore.scores ORDER BY interaction_id").rows
            }
            #expect(rows.count == Stock.samples.count)
            #expect(rows.allSatisfy { $0[3] == Stock.rubric.sha256 })
            // The same totals as scoring the JSONL in time order with the journey of earlier lines.
            var book = JourneyBook(window: Stock.scorer.journeyLookback, capacity: 10_000)
            var expected: [String: Double?] = [:]
            for interaction in Stock.samples.sorted(by: { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }) {
                let card = Stock.scorer.score(interaction, history: book.history(for: interaction.customerID, before: interaction.startedAt))
                book.record(card.journeyRecord)
                expected[interaction.id] = card.total
            }
            for row in rows {
                let stored = row.double(1)
                let wanted = expected[row[0]!] ?? nil
                if let stored, let wanted {
                    #expect(abs(stored - wanted) < 1e-9, "\(row[0]!)")
                } else {
                    #expect(stored == nil && wanted == nil, "\(row[0]!)")
                }
            }
            let criteria = try await client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.criterion_results").rows.first?.int(0) }
            #expect((criteria ?? 0) >= summary.totals.scored * 19)
        }
    }

    @Test("sampling is reproducible from the seed and records strategy and reason for every row", arguments: ["random:0.3", "stratified:channel:5", "per-agent:2/week", "risk-first:20"])
    func sampling(name: String) async throws {
        let strategy = try #require(SamplingStrategy(name: name))
        var chosen: [[String]] = []
        for _ in 0..<2 {
            let ids = try await TestDatabase.withDatabase { client, _ in
                try await Stock.loaded(client)
                let run = ScoringRun(client: client, scorer: Stock.scorer, rubricSource: Stock.rubricSource)
                let summary = try await run.run(ScoringRun.Options(strategy: strategy, seed: 7))
                let rows = try await client.withConnection { connection in
                    try connection.execute("SELECT interaction_id, strategy, seed, reason FROM omniscore.samples WHERE run_id = \(summary.runID) ORDER BY interaction_id").rows
                }
                #expect(rows.count == summary.sampled)
                #expect(rows.allSatisfy { $0[1] == name && $0[2] == "7" && !($0[3] ?? "").isEmpty })
                return rows.compactMap { $0[0] }
            }
            chosen.append(ids)
        }
        #expect(chosen[0] == chosen[1])
        #expect(!chosen[0].isEmpty)
        #expect(chosen[0].count < Stock.samples.count)
        if case .stratified(_, let count) = strategy {
            let channels = Dictionary(grouping: Stock.samples.filter { chosen[0].contains($0.id) }, by: \.channel)
            #expect(channels.values.allSatisfy { $0.count <= count })
            #expect(channels.count == Set(Stock.samples.map(\.channel)).count)
        }
    }

    @Test("two workers on one database never hold the same interaction, and together score each exactly once")
    func leaseExclusivity() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Stock.loaded(client)
            let sha = Stock.rubric.sha256
            try await client.withConnection { connection in
                try ScoringRun.register(Stock.rubric, source: Stock.rubricSource, on: connection)
                let runID = try connection.execute("INSERT INTO omniscore.runs (kind, rubric_sha256, strategy) VALUES ('test', \(sha), 'all') RETURNING id").rows.first?.int(0) ?? 0
                try WorkQueue(rubricSHA256: sha).enqueue(runID: runID, strategy: .all, seed: 0, since: nil, until: nil, on: connection)
            }
            // Leases taken concurrently by two connections are disjoint.
            async let a = client.withConnection { try WorkQueue(rubricSHA256: sha).lease(worker: "a", limit: 100, duration: .seconds(60), on: $0) }
            async let b = client.withConnection { try WorkQueue(rubricSHA256: sha).lease(worker: "b", limit: 100, duration: .seconds(60), on: $0) }
            let (leasedA, leasedB) = try await (a, b)
            #expect(Set(leasedA).isDisjoint(with: leasedB))
            #expect(leasedA.count + leasedB.count == min(200, Stock.samples.count))
            // A held lease is not handed out again until it expires.
            let third = try await client.withConnection { try WorkQueue(rubricSHA256: sha).lease(worker: "c", limit: 500, duration: .seconds(60), on: $0) }
            #expect(Set(third).isDisjoint(with: Set(leasedA + leasedB)))
            // Worker "a" dies: its leases expire and another worker finishes its work.
            try await client.withConnection { connection in
                try connection.execute("UPDATE omniscore.work_queue SET lease_expires_at = now() - interval '1 second' WHERE leased_by IN ('a', 'b', 'c')")
            }
            let run = ScoringRun(client: client, scorer: Stock.scorer, rubricSource: Stock.rubricSource)
            let totals = try await run.work(workers: 2, batchSize: 25, runID: nil)
            #expect(totals.scored + totals.notScored == Stock.samples.count)
            let duplicates = try await client.withConnection { try $0.execute("SELECT count(*) - count(DISTINCT interaction_id) FROM omniscore.scores").scalar }
            #expect(duplicates == "0")
        }
    }

    @Test("unreadable rows go to the quarantine with their reason; the run goes on and counts them")
    func quarantine() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Stock.loaded(client)
            let ids = Stock.samples.prefix(4).map(\.id)
            try await client.withConnection { connection in
                try connection.execute("UPDATE messages SET text = NULL WHERE interaction_id = \(ids[0]) AND seq = 1")
                try connection.execute("UPDATE messages SET role = 'wizard' WHERE interaction_id = \(ids[1]) AND seq = 0")
                try connection.execute("UPDATE interaction_events SET detail = '[1, 2]' WHERE id = (SELECT min(id) FROM interaction_events WHERE interaction_id <> ALL(\(ids)::text[]))")
                try connection.execute("UPDATE messages SET text = repeat('a', 10485760) WHERE interaction_id = \(ids[3]) AND seq = 0")
            }
            let eventInteraction = try await client.withConnection { try $0.execute("SELECT interaction_id FROM interaction_events WHERE id = (SELECT min(id) FROM interaction_events WHERE interaction_id <> ALL(\(ids)::text[]))").scalar }
            let run = ScoringRun(client: client, scorer: Stock.scorer, rubricSource: Stock.rubricSource)
            let summary = try await run.run(ScoringRun.Options())
            #expect(summary.totals.quarantined == 4)
            #expect(summary.totals.scored + summary.totals.notScored == Stock.samples.count - 4)
            let rows = try await client.withConnection { try $0.execute("SELECT interaction_id, code, field, reason FROM omniscore.quarantine ORDER BY interaction_id").rows }
            let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0[0]!, $0) })
            #expect(byID[ids[0]]?[1] == "invalid_field")
            #expect(byID[ids[0]]?[2] == "messages[1].text")
            #expect(byID[ids[1]]?[1] == "unknown_role")
            #expect(byID[ids[3]]?[1] == "too_large")
            #expect(byID[eventInteraction ?? ""]?[2] == "events.detail")
            #expect(rows.allSatisfy { !($0[3] ?? "").contains("aaaa") })
        }
    }

    @Test("rescoring with a new rubric version keeps the old scores, each tied to its version")
    func rescore() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Stock.loaded(client)
            _ = try await ScoringRun(client: client, scorer: Stock.scorer, rubricSource: Stock.rubricSource).run(ScoringRun.Options())
            let changedSource = Stock.rubricSource.replacingOccurrences(of: #"version="1.1.0""#, with: #"version="1.2.0""#)
            let changed = try OmniscoreRubricsLoader.load(changedSource)
            #expect(changed.sha256 != Stock.rubric.sha256)
            let summary = try await ScoringRun(client: client, scorer: try Scorer(rubric: changed), rubricSource: changedSource).run(ScoringRun.Options(kind: "rescore"))
            #expect(summary.sampled == Stock.samples.count)
            let versions = try await client.withConnection { try $0.execute("SELECT rubric_version, count(*) FROM omniscore.scores GROUP BY 1 ORDER BY 1").rows }
            #expect(versions.map { $0[0] } == ["1.1.0", "1.2.0"])
            #expect(versions.allSatisfy { $0.int(1) == Stock.samples.count })
        }
    }

    @Test("a database restart in the middle of a run: the workers reconnect and finish, 0 lost and 0 duplicated")
    func restartSurvival() async throws {
        try await TestDatabase.withPrivateServer { server in
            let client = DatabaseClient(url: server.url())
            try await Stock.loaded(client)
            // Many copies of the Samples so the run lasts long enough to be interrupted.
            let copies = (0..<15).flatMap { copy in
                Stock.samples.map { interaction in
                    var clone = interaction
                    clone.id = "\(interaction.id)-c\(copy)"
                    clone.customerID = "\(interaction.customerID)-c\(copy)"
                    return clone
                }
            }
            _ = try await client.withConnection { try HubLoader().load(copies, into: $0) }
            let total = Stock.samples.count + copies.count
            let run = ScoringRun(client: client, scorer: Stock.scorer, rubricSource: Stock.rubricSource)
            async let summary = run.run(ScoringRun.Options(workers: 2, batchSize: 50))
            // Restart once the workers are under way (the first scores are written), not after a guessed delay:
            // the watcher polls on a thread of its own (blocking the cooperative pool would starve the run, and a
            // sleeping poll on a busy pool can wake after the run's end), then locks the scores table so the run
            // cannot finish before the restart cuts it off.
            let started = try await ScoringRun.onOwnThread { () throws -> Int in
                let watcher = try DatabaseConnection(url: server.url())
                let deadline = ContinuousClock.now + .seconds(180)
                var started = 0
                while started == 0 && ContinuousClock.now < deadline {
                    usleep(10_000)
                    started = try watcher.execute("SELECT count(*) FROM omniscore.scores").rows.first?.int(0) ?? 0
                }
                try watcher.execute("BEGIN")
                try watcher.execute("LOCK TABLE omniscore.scores IN EXCLUSIVE MODE")
                started = try watcher.execute("SELECT count(*) FROM omniscore.scores").rows.first?.int(0) ?? 0
                try server.restart()
                return started
            }
            #expect(started > 0 && started < total, "the restart must come in the middle of the run (\(started) of \(total))")
            let result = try await summary
            // The restart cut the workers off: either mid-batch (the batch was retried) or between batches (the
            // pooled connection was found dead and replaced); which one depends on timing.
            #expect(result.totals.reconnects + client.replacedConnections > 0)
            let counts = try await client.withConnection { try $0.execute("SELECT count(*), count(DISTINCT interaction_id) FROM omniscore.scores").rows.first }
            #expect(counts?.int(0) == total)
            #expect(counts?.int(1) == total)
            client.close()
        }
    }

    @Test("connection failures are one clear sentence without the password")
    func connectionErrors() async throws {
        let server = try TestDatabase.sharedServer()
        do {
            _ = try DatabaseConnection(url: "postgresql://postgres:s3cret-pass@/nosuchdb?host=\(server.socketDirectory.path)&port=\(server.options.port)")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .connectionFailed)
            #expect(!error.description.contains("s3cret"))
        }
        do {
            _ = try DatabaseConnection(url: "postgresql://postgres:s3cret-pass@/postgres?host=/nonexistent&port=1")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .serverUnavailable)
            #expect(!error.description.contains("s3cret"))
        }
        try await TestDatabase.withDatabase { client, _ in
            do {
                _ = try await client.withConnection { try InteractionStore().read(["x"], on: $0) }
                Issue.record("expected an error")
            } catch let error as StorageError {
                #expect(error.code == .missingTable)
                #expect(error.description.contains("interactions"))
            }
        }
    }
}

/// Loads rubric text (the storage tests change a stock rubric's version).
enum OmniscoreRubricsLoader {
    static func load(_ source: String) throws -> Rubric {
        try RubricLoaderBridge.load(source)
    }
}
