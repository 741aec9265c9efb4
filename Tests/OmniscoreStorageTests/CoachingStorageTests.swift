import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreStorage
import OmniscoreTestSupport
import Testing

@Suite("Coaching reports, profile feedback and the outbox, on a real server")
struct CoachingStorageTests {
    static let period = ReportPeriod("2026-10")!

    /// Samples loaded and scored.
    static func scored(_ client: DatabaseClient) async throws {
        try await Stock.loaded(client)
        _ = try await ScoringRun(client: client, scorer: Stock.scorer, rubricSource: Stock.rubricSource).run(ScoringRun.Options())
    }

    @Test("report figures equal the same figures computed by hand from the scorecards")
    func aggregation() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Self.scored(client)
            let reports = try await CoachingService(client: client, rubric: Stock.rubric, period: Self.period, minimumSample: 3).reports(for: .all)
            // By hand: score the Samples in time order with their journeys, keep October's scored cards.
            var book = JourneyBook(window: Stock.scorer.journeyLookback, capacity: 10_000)
            var cards: [Scorecard] = []
            for interaction in Stock.samples.sorted(by: { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }) {
                let card = Stock.scorer.score(interaction, history: book.history(for: interaction.customerID, before: interaction.startedAt))
                book.record(card.journeyRecord)
                if card.isScored, card.agentID != nil, card.startedAt >= Self.period.start, card.startedAt < Self.period.end { cards.append(card) }
            }
            let byAgent = Dictionary(grouping: cards, by: { $0.agentID! })
            #expect(Set(reports.map(\.agentID)) == Set(byAgent.keys))
            for report in reports {
                let mine = byAgent[report.agentID]!
                #expect(report.interactions == mine.count)
                let mean = mine.compactMap(\.total).reduce(0, +) / Double(mine.count)
                #expect(abs((report.overall ?? -1) - mean) < 1e-9, "\(report.agentID)")
                for line in report.criteria {
                    let results = mine.compactMap { $0.result(for: line.id) }
                    #expect(line.current.passes == results.filter { $0.verdict == .pass }.count, "\(report.agentID) \(line.id)")
                    #expect(line.current.fails == results.filter { $0.verdict == .fail }.count, "\(report.agentID) \(line.id)")
                }
                let mistakes = mine.filter { ["missed", "needless", "wrong_tier", "late"].contains($0.escalation?.kind.rawValue ?? "") }.map(\.interactionID).sorted()
                #expect(report.escalationMistakes.map(\.interactionID) == mistakes)
                // Focus areas are the failing criteria with the highest weight × fail rate, each with evidence.
                for item in report.focus {
                    #expect(item.criterion.current.fails > 0)
                    #expect(!item.excerpts.isEmpty)
                    #expect(item.excerpts.allSatisfy { id in mine.contains { $0.interactionID == id.interactionID } })
                }
                let priorities = report.focus.map(\.criterion.priority)
                #expect(priorities == priorities.sorted(by: >))
            }
            // A team median is the median of the team's agents.
            let team = Dictionary(grouping: reports.filter { $0.team != nil }, by: { $0.team! }).first { $0.value.count >= 3 }
            if let (_, members) = team {
                let values = members.compactMap(\.overall).sorted()
                let median = values.count % 2 == 1 ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
                #expect(members.allSatisfy { abs(($0.teamMedianOverall ?? -1) - median) < 1e-9 })
            }
        }
    }

    @Test("excerpts are masked in every format, and HTML escapes transcript text")
    func formats() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Self.scored(client)
            // A hostile transcript line and a customer name inside evidence.
            try await client.withConnection { connection in
                try connection.execute("""
                    UPDATE omniscore.scores SET scorecard = regexp_replace(scorecard::text, '"quote":"([^"\\\\]|\\\\.)*"', '"quote":"<script>alert(1)</script> Ellie ellie@example.com"', 'g')::json
                    """)
                try connection.execute("UPDATE customers SET name = 'Ellie Marsh' WHERE id IN (SELECT customer_id FROM interactions)")
                // An agent name and a team that try to be Markdown.
                try connection.execute("UPDATE agents SET name = '[x](http://evil.example) <b>*bold*</b>\n# heading', team = 'team|cell'")
            }
            let reports = try await CoachingService(client: client, rubric: Stock.rubric, period: Self.period, minimumSample: 3).reports(for: .all)
            let report = try #require(reports.first { !$0.focus.isEmpty && $0.focus.contains { !$0.excerpts.isEmpty } })
            let html = report.html()
            let markdown = report.markdown()
            let json = report.json()
            #expect(!html.contains("<script>"))
            #expect(html.contains("&lt;script&gt;"))
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("<style>"))
            for text in [html, markdown, json] {
                #expect(!text.contains("ellie@example.com"))
                #expect(!text.contains("Ellie"))
                #expect(text.contains("[email]"))
            }
            #expect(markdown.contains("## Focus areas"))
            #expect(!markdown.contains("[x](http"))
            #expect(!markdown.contains("<b>"))
            #expect(!markdown.contains("\n# heading"))
            #expect(!markdown.contains("team|cell"))
            #expect(markdown.contains(report.rubricVersion))
            let members = try JSONObjectDecoder.members(of: json)
            #expect(members.first { $0.key == "agent_id" }?.value == .string(report.agentID))
        }
    }

    @Test("the profile summary goes under one key in one statement; other keys stay; odd profiles are not overwritten")
    func profileUpdate() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Self.scored(client)
            let reports = try await CoachingService(client: client, rubric: Stock.rubric, period: Self.period, minimumSample: 3).reports(for: .all)
            let ids = reports.map(\.agentID)
            try #require(ids.count >= 3)
            try await client.withConnection { connection in
                try connection.execute("UPDATE agents SET profile = '{\"theme\": \"dark\", \"omniscore_quality\": {\"stale\": true}, \"skills\": [\"billing\"]}' WHERE id = \(ids[0])")
                try connection.execute("UPDATE agents SET profile = NULL WHERE id = \(ids[1])")
                try connection.execute("UPDATE agents SET profile = '[1, 2, 3]' WHERE id = \(ids[2])")
            }
            let outcome = try await client.withConnection { try CoachingPublisher().publish(reports, on: $0) }
            #expect(outcome.stored == reports.count)
            #expect(outcome.profilesSkipped == [ids[2]])
            let profiles = try await client.withConnection { connection in
                try connection.execute("SELECT id, profile::text, profile -> 'omniscore_quality' ->> 'period', profile ->> 'theme', jsonb_typeof(profile -> 'skills') FROM agents WHERE id = ANY(\(Array(ids.prefix(3)))::text[]) ORDER BY id").rows
            }
            let byID = Dictionary(uniqueKeysWithValues: profiles.map { ($0[0]!, $0) })
            #expect(byID[ids[0]]?[2] == "2026-10")
            #expect(byID[ids[0]]?[3] == "dark")
            #expect(byID[ids[0]]?[4] == "array")
            #expect(byID[ids[0]]?[1]?.contains("stale") == false)
            #expect(byID[ids[1]]?[2] == "2026-10")
            #expect(byID[ids[2]]?[1] == "[1, 2, 3]")
            let history = try await client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.coaching_reports").scalar }
            #expect(history == String(reports.count))
        }
    }

    @Test("outbox: a sink that fails, then hangs, then recovers gets each delivery exactly once, signed")
    func outbox() async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await Self.scored(client)
            let server = try LocalHTTPServer()
            defer { server.stop() }
            let reports = try await CoachingService(client: client, rubric: Stock.rubric, period: Self.period, minimumSample: 3).reports(for: .all)
            let chosen = Array(reports.prefix(2))
            let outcome = try await client.withConnection { try CoachingPublisher(queueDeliveries: true).publish(chosen, on: $0) }
            #expect(outcome.queued == 4)
            // Publishing the same reports again queues nothing new.
            let again = try await client.withConnection { try CoachingPublisher(queueDeliveries: true).publish(chosen, on: $0) }
            #expect(again.queued == 0)
            let delivery = OutboxDelivery(sink: WebhookSink(url: server.url, secret: "s3cret", timeout: .seconds(1)), initialBackoff: .zero)
            server.respond([.status(500), .status(503), .hang(seconds: 2)], then: .status(200))
            var passes = 1
            var last = try await delivery.deliverDue(client: client)
            while last.pending > 0 && passes < 10 {
                last = try await delivery.deliverDue(client: client)
                passes += 1
            }
            #expect(last.pending == 0)
            let succeeded = server.requests.count - 3
            #expect(succeeded == 4)
            let keys = server.requests.suffix(4).compactMap { $0.headers["idempotency-key"] }
            #expect(Set(keys).count == 4)
            for request in server.requests {
                let timestamp = request.headers["x-omniscore-timestamp"] ?? ""
                #expect(request.headers["x-omniscore-signature"] == WebhookSink.signature(secret: Array("s3cret".utf8), timestamp: timestamp, body: request.body))
            }
            // Nothing due any more: another pass sends nothing.
            let before = server.requests.count
            _ = try await delivery.deliverDue(client: client)
            #expect(server.requests.count == before)
            let errors = try await client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.outbox WHERE attempts > 1").scalar }
            #expect(errors != "0")
        }
    }
}
