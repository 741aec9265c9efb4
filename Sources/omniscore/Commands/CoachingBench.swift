import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics
import OmniscoreStorage

/// `omniscore bench --coaching`: reports and profile updates for many agents over many stored scores.
struct CoachingBench {
    var agents: Int
    var scores: Int
    var rubric: String
    var dataDir: String?

    func run() async throws {
        let (loaded, source) = try loadRubricWithSource(self.rubric)
        let rubric = loaded.rubric
        let directory = URL(fileURLWithPath: self.dataDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("omniscore-bench-coaching-\(getpid())").path)
        let server = try await withStorageErrors { try EmbeddedPostgres.start(EmbeddedPostgres.Options(directory: directory, port: 54332, reuseData: false)) }
        defer { server.destroy() }
        let client = DatabaseClient(url: server.url())
        let clock = ContinuousClock()
        let criteria = rubric.sections.flatMap { section in section.criteria.map { (section.id, $0.id) } }
        try await withStorageErrors {
            let hub = try String(contentsOfFile: "Samples/hub.sql", encoding: .utf8)
            let generateStart = clock.now
            try await client.withConnection { connection in
                try connection.executeScript(hub)
                try Migrator().migrate(connection)
                try ScoringRun.register(rubric, source: source, on: connection)
                // Synthetic stored scores over two months, spread over the agents and 50 teams (not timed).
                try connection.execute("""
                    INSERT INTO agents (id, name, team, profile)
                    SELECT 'agt-' || g, 'Agent ' || g, 'team-' || (g % 50), jsonb_build_object('theme', 'dark')
                    FROM generate_series(1, \(self.agents)) g
                    """)
                try connection.execute("""
                    INSERT INTO omniscore.scores (interaction_id, rubric_sha256, rubric_id, rubric_version, agent_id, customer_id, team, channel,
                        started_at, status, total, passed, auto_failed, tone_score, escalation, sections, scorecard)
                    SELECT 'int-' || g, \(rubric.sha256), \(rubric.id), \(rubric.version), 'agt-' || (1 + g % \(self.agents)), 'cus-' || (g % 50000),
                        'team-' || ((1 + g % \(self.agents)) % 50), (ARRAY['chat','email','voice','sms','social','messaging'])[1 + g % 6],
                        timestamptz '2026-09-01' + ((g::int8 * 263) % 5270400) * interval '1 second',
                        'scored', 40 + (hashint4(g) & 63), true, false, 50 + (hashint4(g + 7) & 31),
                        (ARRAY['correct','not_needed','not_needed','missed','late'])[1 + abs(hashint4(g + 3)) % 5],
                        jsonb_build_object('tone', 60 + (hashint4(g) & 31), 'process', 50 + (hashint4(g + 1) & 47), 'escalation', 100 * (hashint4(g + 2) & 1)),
                        json_build_object('criteria', json_build_array(json_build_object('id', 'process.greeting', 'evidence',
                            json_build_array(json_build_object('quote', 'Hello, call me on 07700 900123')))))
                    FROM generate_series(1, \(self.scores)) g
                    """)
                try connection.execute("""
                    INSERT INTO omniscore.criterion_results (interaction_id, rubric_sha256, criterion_id, section_id, verdict, points, maximum, reason)
                    SELECT s.interaction_id, s.rubric_sha256, c.criterion, c.section,
                           CASE WHEN abs(hashtext(s.interaction_id || c.criterion)) % 10 = 0 THEN 'fail'
                                WHEN abs(hashtext(s.interaction_id || c.criterion)) % 10 = 1 THEN 'na' ELSE 'pass' END,
                           10, 10, 'synthetic'
                    FROM omniscore.scores s, unnest(\(criteria.map(\.1))::text[], \(criteria.map(\.0))::text[]) AS c(criterion, section)
                    """)
                try Rollups().rebuild(sha256: rubric.sha256, on: connection)  // rows written by SQL, not by ScoreWriter
                try connection.execute("VACUUM ANALYZE")
            }
            print("omniscore bench --coaching: \(self.agents) agents, \(self.scores) stored scores (\(self.scores * criteria.count) criterion results), generated in \(PostgresBench.seconds(clock.now - generateStart)) (not timed)")
            let start = clock.now
            let reports = try await CoachingService(client: client, rubric: rubric, period: ReportPeriod("2026-10")!).reports(for: .all)
            let built = clock.now - start
            let outcome = try await client.withConnection { try CoachingPublisher(queueDeliveries: true).publish(reports, on: $0) }
            let total = clock.now - start
            print("  \(reports.count) reports built in \(PostgresBench.seconds(built)); stored, \(outcome.profilesUpdated) profiles updated and \(outcome.queued) deliveries queued; total \(PostgresBench.seconds(total)) (target under 30 s)")
            print("  peak RSS \(Memory.format(Memory.peakResidentBytes()))")
        }
        client.close()
    }
}
