import Foundation
import OmniscoreCore
import OmniscoreStorage
import OmniscoreTestSupport
import Testing

@Suite("Dashboard rollups and the review queue, on a real server")
struct RollupTests {
    /// Every rollup row summed over its shards, in key order, as text.
    static func dump(_ connection: DatabaseConnection) throws -> [[String?]] {
        try connection.execute("""
            SELECT 's', rubric_sha256, month::text, channel, team, status, not_scored_reason, sum(interactions), sum(passed), sum(auto_failed),
                   round(sum(total_sum)::numeric, 6)::text, sum(total_count)
            FROM omniscore.rollup_scores GROUP BY 2, 3, 4, 5, 6, 7 ORDER BY 2, 3, 4, 5, 6, 7
            """).values
            + connection.execute("""
                SELECT 'x', rubric_sha256, month::text, channel, team, section_id, round(sum(score_sum)::numeric, 6)::text, sum(score_count)
                FROM omniscore.rollup_sections GROUP BY 2, 3, 4, 5, 6 ORDER BY 2, 3, 4, 5, 6
                """).values
            + connection.execute("""
                SELECT 'c', rubric_sha256, month::text, channel, team, criterion_id, sum(passes), sum(fails), sum(not_applicable)
                FROM omniscore.rollup_criteria GROUP BY 2, 3, 4, 5, 6 ORDER BY 2, 3, 4, 5, 6
                """).values
    }

    @Test("the rollups written batch by batch equal the figures aggregated from the scores, and a rebuild gives the same rows")
    func rollupsMatchScores() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Stock.loaded(client)
            // Small batches and two workers: many concurrent additions to the same rollup rows.
            _ = try await ScoringRun(client: client, scorer: Stock.scorer, rubricSource: Stock.rubricSource).run(ScoringRun.Options(workers: 2, batchSize: 7))
            try await client.withConnection { connection in
                let sha = Stock.rubric.sha256
                let board = try WorkspaceStore().dashboard(on: connection)
                let direct = try connection.execute("""
                    SELECT count(*) FILTER (WHERE status = 'scored'), count(*) FILTER (WHERE status = 'not_scored') FROM omniscore.scores WHERE rubric_sha256 = \(sha)
                    """).rows.first!
                #expect(board.scored == direct.int(0))
                #expect(board.scored > 0)
                #expect(board.notScored.reduce(0) { $0 + $1.count } == direct.int(1))
                let channels = try connection.execute("""
                    SELECT channel, count(*), avg(total) FROM omniscore.scores WHERE rubric_sha256 = \(sha) AND status = 'scored' GROUP BY 1 ORDER BY 1
                    """).rows
                #expect(board.channels.map(\.name) == channels.map { $0[0]! })
                for (mine, theirs) in zip(board.channels, channels) {
                    #expect(mine.count == theirs.int(1))
                    #expect(abs((mine.mean ?? -1) - (theirs.double(2) ?? -2)) < 1e-9)
                }
                let failing = try connection.execute("""
                    SELECT criterion_id, count(*) FILTER (WHERE verdict = 'fail'), count(*) FILTER (WHERE verdict <> 'na')
                    FROM omniscore.criterion_results WHERE rubric_sha256 = \(sha) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8
                    """).rows
                #expect(board.failing.map(\.criterion) == failing.map { $0[0]! })
                #expect(board.failing.map(\.fails) == failing.map { $0.int(1)! })
                #expect(board.failing.map(\.applicable) == failing.map { $0.int(2)! })
                let sections = try connection.execute("""
                    SELECT section.key, avg(section.value::float8) FROM omniscore.scores s, jsonb_each_text(s.sections) AS section
                    WHERE s.rubric_sha256 = \(sha) AND s.status = 'scored' AND section.value IS NOT NULL GROUP BY 1 ORDER BY 1
                    """).rows
                #expect(board.sections.map(\.name) == sections.map { $0[0]! })
                for (mine, theirs) in zip(board.sections, sections) { #expect(abs((mine.mean ?? -1) - (theirs.double(1) ?? -2)) < 1e-9) }
                #expect(board.trend.reduce(0) { $0 + $1.count } == board.scored)

                let incremental = try Self.dump(connection)
                try Rollups().rebuild(sha256: nil, on: connection)
                #expect(try Self.dump(connection) == incremental)
                try Rollups().rebuild(sha256: sha, on: connection)
                #expect(try Self.dump(connection) == incremental)
            }
        }
    }

    @Test("a batch written twice (its lease expired while it was slow) adds no score, criterion row or rollup sum twice")
    func batchWrittenTwice() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Stock.loaded(client)
            let sha = Stock.rubric.sha256
            let first = Array(Stock.samples.prefix(20)).map { Stock.scorer.score($0) }
            let second = Array(Stock.samples.prefix(30)).map { Stock.scorer.score($0) }  // 20 again and 10 new
            try await client.withConnection { connection in
                try ScoringRun.register(Stock.rubric, source: Stock.rubricSource, on: connection)
                let writer = ScoreWriter(rubricSHA256: sha, runID: nil)
                _ = try writer.write(first, quarantined: [], finishing: first.map(\.interactionID), worker: nil, on: connection)
                _ = try writer.write(second, quarantined: [], finishing: second.map(\.interactionID), worker: nil, on: connection)
                let counts = try connection.execute("SELECT count(*), count(DISTINCT interaction_id) FROM omniscore.scores").rows.first!
                #expect(counts.int(0) == 30)
                #expect(counts.int(1) == 30)
                let criteria = try connection.execute("SELECT count(*) FROM omniscore.criterion_results").rows.first?.int(0)
                #expect(criteria == second.reduce(0) { $0 + $1.criteria.count })
                let rolled = try connection.execute("SELECT sum(interactions) FROM omniscore.rollup_scores").rows.first?.int(0)
                #expect(rolled == 30)
                let incremental = try Self.dump(connection)
                try Rollups().rebuild(sha256: sha, on: connection)
                #expect(try Self.dump(connection) == incremental)
            }
        }
    }

    @Test("the review queue: unreviewed failures lowest first, a control share of passes that depends on the seed, reviewed ones gone")
    func reviewQueue() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Stock.loaded(client)
            _ = try await ScoringRun(client: client, scorer: Stock.scorer, rubricSource: Stock.rubricSource).run(ScoringRun.Options())
            try await client.withConnection { connection in
                let store = WorkspaceStore()
                let queue = try store.reviewQueue(limit: 10, controlShare: 0.2, seed: 1, on: connection)
                let failures = queue.filter { !$0.control }
                let controls = queue.filter(\.control)
                #expect(failures.count == 8)
                #expect(controls.count == 2)
                #expect(failures.map { $0.total ?? 0 } == failures.map { $0.total ?? 0 }.sorted())
                let passed = Set(try connection.execute("SELECT interaction_id FROM omniscore.scores WHERE status = 'scored' AND passed").values.map { $0[0]! })
                #expect(controls.allSatisfy { passed.contains($0.id) })
                #expect(failures.allSatisfy { !passed.contains($0.id) })
                // The same seed gives the same queue; the controls over many seeds are not always the same two.
                #expect(try store.reviewQueue(limit: 10, controlShare: 0.2, seed: 1, on: connection).map(\.id) == queue.map(\.id))
                let picks = Set(try (2..<12).flatMap { seed in try store.reviewQueue(limit: 10, controlShare: 0.2, seed: seed, on: connection).filter(\.control).map(\.id) })
                #expect(picks.count > 2)
                // Reviewed: gone from the queue.
                let (lead, _) = try AccessStore().createUser(name: "lead", role: .qaLead, agentID: nil, on: connection)
                let first = failures[0].id
                try store.saveReview(interaction: first, sha256: Stock.rubric.sha256, criterion: "process.greeting", verdict: "pass", reason: "fine", reviewer: lead, on: connection)
                #expect(!(try store.reviewQueue(limit: 10, controlShare: 0.2, seed: 1, on: connection).map(\.id).contains(first)))
            }
        }
    }
}
