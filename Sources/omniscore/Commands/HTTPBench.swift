import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreHTTP
import OmniscoreInterchange
import OmniscoreRubrics
import OmniscoreStorage
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `omniscore bench --http`: the review workspace under a fixed request rate on a database of many scored
/// interactions (synthetic rows generated in SQL), with p50/p99 latency and the query plans of the hot queries.
struct HTTPBench {
    var interactions: Int
    var rate: Int
    var seconds: Int
    var rubric: String
    var dataDir: String?

    func run() async throws {
        let (loaded, source) = try loadRubricWithSource(self.rubric)
        let rubric = loaded.rubric
        let directory = URL(fileURLWithPath: self.dataDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("omniscore-bench-http-\(getpid())").path)
        let server = try await withStorageErrors { try EmbeddedPostgres.start(EmbeddedPostgres.Options(directory: directory, port: 54333, reuseData: false)) }
        defer { server.destroy() }
        let client = DatabaseClient(configuration: .init(url: server.url(), maximumIdleConnections: 16))
        let clock = ContinuousClock()
        // A real scorecard of a Samples interaction, copied for every synthetic interaction.
        let sample = try SampleFiles.read(["Samples/interactions/chat.jsonl"]).interactions[0]
        let template = ScorecardEncoder.encodeString(try Scorer(rubric: rubric).score(sample))
        let criteria = rubric.sections.flatMap { section in section.criteria.map { (section.id, $0.id) } }
        let token = try await withStorageErrors {
            let hub = try String(contentsOfFile: "Samples/hub.sql", encoding: .utf8)
            let start = clock.now
            let token = try await client.withConnection { connection -> String in
                try connection.executeScript(hub)
                try Migrator().migrate(connection)
                try ScoringRun.register(rubric, source: source, on: connection)
                try connection.execute("INSERT INTO agents (id, name, team) SELECT 'agt-' || g, 'Agent ' || g, 'team-' || (g % 50) FROM generate_series(1, 1000) g")
                try connection.execute("INSERT INTO customers (id, name) SELECT 'cus-' || g, 'Customer ' || g FROM generate_series(0, 99999) g")
                try connection.execute("""
                    INSERT INTO interactions (id, channel, customer_id, agent_id, started_at, subject)
                    SELECT 'int-' || g, (ARRAY['chat','email','voice','sms','social','messaging'])[1 + g % 6], 'cus-' || (g % 100000),
                           'agt-' || (1 + g % 1000), timestamptz '2026-09-01' + ((g::int8 * 263) % 5270400) * interval '1 second', 'Order question'
                    FROM generate_series(1, \(self.interactions)) g
                    """)
                for (seq, message) in sample.messages.enumerated() {
                    try connection.execute("""
                        INSERT INTO messages (interaction_id, seq, role, author, sent_at, text)
                        SELECT 'int-' || g, \(seq), \(message.role.rawValue), \(message.author), timestamptz '2026-09-01' + ((g::int8 * 263) % 5270400) * interval '1 second' + \(seq * 40) * interval '1 second', \(message.text)
                        FROM generate_series(1, \(self.interactions)) g
                        """)
                }
                try connection.execute("""
                    INSERT INTO omniscore.scores (interaction_id, rubric_sha256, rubric_id, rubric_version, agent_id, customer_id, team, channel,
                        started_at, status, total, passed, auto_failed, tone_score, escalation, sections, scorecard)
                    SELECT i.id, \(rubric.sha256), \(rubric.id), \(rubric.version), i.agent_id, i.customer_id, a.team, i.channel, i.started_at, 'scored',
                           40 + (hashtext(i.id) & 63), (hashtext(i.id) & 63) > 40, false, 60, 'not_needed',
                           jsonb_build_object('tone', 80, 'process', 70, 'escalation', 100), replace(\(template), \(sample.id), i.id)::json
                    FROM interactions i JOIN agents a ON a.id = i.agent_id
                    """)
                try connection.execute("""
                    INSERT INTO omniscore.criterion_results (interaction_id, rubric_sha256, criterion_id, section_id, verdict, points, maximum, reason)
                    SELECT s.interaction_id, s.rubric_sha256, c.criterion, c.section,
                           CASE WHEN abs(hashtext(s.interaction_id || c.criterion)) % 10 = 0 THEN 'fail' ELSE 'pass' END, 10, 10, 'synthetic'
                    FROM omniscore.scores s, unnest(\(criteria.map(\.1))::text[], \(criteria.map(\.0))::text[]) AS c(criterion, section)
                    """)
                try Rollups().rebuild(sha256: rubric.sha256, on: connection)  // rows written by SQL, not by ScoreWriter
                try connection.execute("VACUUM ANALYZE")
                return try AccessStore().createUser(name: "bench", role: .qaLead, agentID: nil, on: connection).1
            }
            print("omniscore bench --http: \(self.interactions) scored interactions generated in \(PostgresBench.seconds(clock.now - start)) (not timed)")
            return token
        }
        // Query plans of the hot paths: none may scan the scores table.
        let plans = try await client.withConnection { connection -> [(String, String)] in
            let listPlan = try connection.execute("""
                EXPLAIN SELECT s.interaction_id FROM omniscore.scores s WHERE s.rubric_sha256 = \(rubric.sha256)
                ORDER BY s.started_at DESC, s.interaction_id DESC LIMIT 51
                """).values.compactMap { $0[0] }.joined(separator: "\n")
            let detailPlan = try connection.execute("""
                EXPLAIN SELECT s.scorecard FROM omniscore.scores s WHERE s.interaction_id = 'int-4242'
                """).values.compactMap { $0[0] }.joined(separator: "\n")
            let journeyPlan = try connection.execute("""
                EXPLAIN SELECT i.id FROM interactions i WHERE i.customer_id = 'cus-42' AND i.id <> 'int-42' ORDER BY i.started_at LIMIT 50
                """).values.compactMap { $0[0] }.joined(separator: "\n")
            let failuresPlan = try connection.execute("""
                EXPLAIN SELECT s.interaction_id FROM omniscore.scores s
                WHERE s.rubric_sha256 = \(rubric.sha256) AND s.status = 'scored' AND NOT s.passed
                  AND NOT EXISTS (SELECT 1 FROM omniscore.reviews r WHERE r.interaction_id = s.interaction_id AND r.rubric_sha256 = s.rubric_sha256)
                ORDER BY s.total, s.interaction_id LIMIT 20
                """).values.compactMap { $0[0] }.joined(separator: "\n")
            let controlsPlan = try connection.execute("""
                EXPLAIN SELECT s.interaction_id FROM omniscore.scores s
                WHERE s.rubric_sha256 = \(rubric.sha256) AND s.status = 'scored' AND s.passed
                  AND NOT EXISTS (SELECT 1 FROM omniscore.reviews r WHERE r.interaction_id = s.interaction_id AND r.rubric_sha256 = s.rubric_sha256)
                  AND hashtextextended(s.interaction_id, 0) >= hashtextextended('20000', 0)
                ORDER BY hashtextextended(s.interaction_id, 0) LIMIT 5
                """).values.compactMap { $0[0] }.joined(separator: "\n")
            return [("interaction list", listPlan), ("interaction scorecards", detailPlan), ("customer journey", journeyPlan),
                    ("review queue failures", failuresPlan), ("review queue controls", controlsPlan)]
        }
        for (name, plan) in plans {
            let scans = plan.contains("Seq Scan on scores") || plan.contains("Seq Scan on interactions")
            print("  plan of \(name): \(scans ? "SEQUENTIAL SCAN" : "no sequential scan") (\(plan.split(separator: "\n").first ?? ""))")
        }
        let port = 8093
        let serverTask = Task { try await WorkspaceServer.run(client: client, host: "127.0.0.1", port: port) }
        defer { serverTask.cancel() }
        for _ in 0..<100 {
            if (try? await Self.get(URL(string: "http://127.0.0.1:\(port)/health")!, token: nil)) != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        // Open loop: requests start on schedule whatever the latency, half interaction pages, half API pages.
        let total = self.rate * self.seconds
        let interval = Duration.nanoseconds(1_000_000_000 / Int64(self.rate))
        let begin = clock.now
        let latencies = try await withThrowingTaskGroup(of: (Double, Bool).self) { group -> [(Double, Bool)] in
            for index in 0..<total {
                let due = begin + interval * index
                if due > clock.now { try await Task.sleep(until: due, clock: clock) }
                let id = 1 + (index * 7919) % self.interactions
                let url = index % 2 == 0
                    ? URL(string: "http://127.0.0.1:\(port)/interactions/int-\(id)")!
                    : URL(string: "http://127.0.0.1:\(port)/api/interactions?limit=50&channel=\(["chat", "email", "voice"][index % 3])")!
                group.addTask {
                    let start = clock.now
                    let ok = (try? await Self.get(url, token: token)) == 200
                    return (PostgresBench.double(clock.now - start) * 1000, ok)
                }
            }
            var results: [(Double, Bool)] = []
            for try await result in group { results.append(result) }
            return results
        }
        let elapsed = PostgresBench.double(clock.now - begin)
        let sorted = latencies.map(\.0).sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        let failures = latencies.filter { !$0.1 }.count
        print("  \(total) requests at \(self.rate)/s offered (\(String(format: "%.0f", Double(total) / elapsed))/s achieved), \(failures) failed")
        print("  latency p50 \(String(format: "%.1f", percentile(0.5))) ms, p99 \(String(format: "%.1f", percentile(0.99))) ms, max \(String(format: "%.1f", sorted.last ?? 0)) ms (target p99 < 50 ms at 200/s)")
        // The pages that aggregate (dashboard from the rollups, review queue from its indexes), one at a time.
        for (name, path) in [("dashboard", "/api/dashboard"), ("review queue", "/review"), ("calibration", "/api/calibration")] {
            var times: [Double] = []
            for _ in 0..<50 {
                let start = clock.now
                let status = try await Self.get(URL(string: "http://127.0.0.1:\(port)\(path)")!, token: token)
                times.append(PostgresBench.double(clock.now - start) * 1000)
                if status != 200 { print("  \(name): HTTP \(status)"); break }
            }
            times.sort()
            print("  \(name) (\(path)), 50 sequential requests: p50 \(String(format: "%.1f", times[times.count / 2])) ms, max \(String(format: "%.1f", times.last ?? 0)) ms")
        }
        client.close()
    }

    static func get(_ url: URL, token: String?) async throws -> Int {
        var request = URLRequest(url: url)
        request.timeoutInterval = 10
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}
