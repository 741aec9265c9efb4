import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics
import OmniscoreStorage

/// `omniscore bench --postgres`: the scoring service end to end on a private server, against COPY on the same rows.
struct PostgresBench {
    var interactions: Int
    var seed: UInt64
    var rubric: String
    var customers: Int
    var workers: Int
    var dataDir: String?

    func run() async throws {
        let (loaded, source) = try loadRubricWithSource(self.rubric)
        let scorer = loaded.scorer
        let directory = URL(fileURLWithPath: self.dataDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("omniscore-bench-\(getpid())").path)
        let server = try await withStorageErrors { try EmbeddedPostgres.start(EmbeddedPostgres.Options(directory: directory, port: 54331, reuseData: false)) }
        defer { server.destroy() }
        let client = DatabaseClient(configuration: DatabaseClient.Configuration(url: server.url(), maximumIdleConnections: self.workers + 2))
        let clock = ContinuousClock()
        try await withStorageErrors {
            let hub = try String(contentsOfFile: "Samples/hub.sql", encoding: .utf8)
            try await client.withConnection { connection in
                try connection.executeScript(hub)
                try Migrator().migrate(connection)
            }
            // Load (not timed), in batches so memory stays flat.
            print("omniscore bench --postgres: \(self.interactions) interactions, rubric \(loaded.rubric.id) \(loaded.rubric.version), seed \(self.seed), \(self.workers) workers")
            let loadStart = clock.now
            var generator = SyntheticInteractions(seed: self.seed, customers: self.customers)
            let decoder = InteractionDecoder()
            var done = 0
            while done < self.interactions {
                let count = min(20_000, self.interactions - done)
                var batch: [Interaction] = []
                batch.reserveCapacity(count)
                for _ in 0..<count {
                    let line = generator.nextLine()
                    let interaction = try line.withUnsafeBytes { buffer in
                        Result { () throws(InterchangeError) in try decoder.decode(buffer, line: done + 1) }
                    }.get()
                    batch.append(interaction)
                }
                let toLoad = batch
                _ = try await client.withConnection { try HubLoader().load(toLoad, into: $0) }
                done += count
            }
            try await client.withConnection { connection in
                try connection.execute("VACUUM ANALYZE")
            }
            print("  loaded in \(Self.seconds(clock.now - loadStart)) (not timed)")
            let rssBefore = Memory.residentBytes()

            // End to end: sample (all), lease, read, score, write.
            let run = ScoringRun(client: client, scorer: scorer, rubricSource: source)
            let start = clock.now
            let summary = try await run.run(ScoringRun.Options(workers: self.workers, batchSize: 1000))
            let endToEnd = clock.now - start
            let rate = Double(self.interactions) / Self.double(endToEnd)
            print("  end to end: \(Self.seconds(endToEnd)), \(Int(rate)) interactions/s (\(summary.description))")
            let peakAfterScoring = Memory.peakResidentBytes()
            let phases = summary.totals.phases
            print("  worker time by phase (summed over \(self.workers) workers): lease \(Self.seconds(phases.lease)), read \(Self.seconds(phases.read)), journey history \(Self.seconds(phases.history)) (\(phases.historyComputed) records computed on the spot), score \(Self.seconds(phases.score)), write \(Self.seconds(phases.write))")

            // The same rows with plain COPY: interactions and messages out, the result volume in.
            let (copyOut, copyIn, outBytes, inBytes) = try await client.withConnection { connection in
                let outStart = clock.now
                var outBytes = try connection.copyOut("COPY (SELECT i.*, a.team FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id) TO STDOUT")
                outBytes += try connection.copyOut("COPY (SELECT * FROM messages ORDER BY interaction_id, seq) TO STDOUT")
                outBytes += try connection.copyOut("COPY (SELECT * FROM interaction_events) TO STDOUT")
                let copyOut = clock.now - outStart
                var scores: [UInt8] = []
                var criteria: [UInt8] = []
                try connection.copyOut("COPY omniscore.scores TO STDOUT") { scores.append(contentsOf: $0) }
                try connection.copyOut("COPY omniscore.criterion_results TO STDOUT") { criteria.append(contentsOf: $0) }
                try connection.executeScript("""
                    CREATE TABLE bench_scores (LIKE omniscore.scores);
                    CREATE TABLE bench_criteria (LIKE omniscore.criterion_results);
                    """)
                let inStart = clock.now
                try connection.copyIn("COPY bench_scores FROM STDIN", data: scores)
                try connection.copyIn("COPY bench_criteria FROM STDIN", data: criteria)
                let copyIn = clock.now - inStart
                return (copyOut, copyIn, outBytes, scores.count + criteria.count)
            }
            let copyTotal = copyOut + copyIn
            print("  COPY TO STDOUT of the same rows: \(Self.seconds(copyOut)) (\(Memory.format(outBytes))); COPY FROM STDIN of the same result volume: \(Self.seconds(copyIn)) (\(Memory.format(inBytes)))")
            print("  end to end / COPY = \(String(format: "%.2f", Self.double(endToEnd) / Self.double(copyTotal)))x (target within 2x)")
            print("  RSS before scoring \(Memory.format(rssBefore)), peak RSS while scoring \(Memory.format(peakAfterScoring)) (the COPY comparison afterwards holds the result volume in memory on purpose)")
        }
        client.close()
    }

    static func double(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f s", self.double(duration))
    }
}
