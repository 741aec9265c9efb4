import Testing
@testable import OmniscoreCore

@Suite("Entities, agreement statistics, dates and the journey book")
struct SupportTests {
    @Test("entities: e-mail, phone, card (Luhn), IBAN (checksum), order number, money")
    func entities() {
        let text = "Mail dana@example.com or call +44 7700 900123. Card 4111 1111 1111 1111, not 4111 1111 1111 1112. IBAN GB82 WEST 1234 5698 7654 32. Order LK-483920, refund of £1,249.50."
        let kinds = EntityScanner.scan(text).map(\.kind)
        #expect(kinds == [.email, .phone, .card, .iban, .orderNumber, .money])
        let money = EntityScanner.scan(text).first { $0.kind == .money }
        #expect(money?.amount == 1249.5)
        let order = EntityScanner.scan(text).first { $0.kind == .orderNumber }
        #expect(order?.key == "LK483920")
        #expect(EntityScanner.scan("no digits here at all").isEmpty)
        #expect(EntityScanner.scan("it was 650 EUR").first?.amount == 650)
        #expect(EntityScanner.scan("my order number is 48392011").first?.kind == .orderNumber)
    }

    @Test("precision, recall, F1 and Cohen's kappa match hand-computed values")
    func agreement() {
        // 10 items: reference fail ×4, pass ×6; candidate finds 3 of the fails and 1 false fail.
        let pairs: [(reference: String, candidate: String)] = [
            ("fail", "fail"), ("fail", "fail"), ("fail", "fail"), ("fail", "pass"),
            ("pass", "fail"), ("pass", "pass"), ("pass", "pass"), ("pass", "pass"), ("pass", "pass"), ("pass", "pass"),
        ]
        let s = AgreementStatistics(pairs: pairs, positive: "fail")
        #expect(s.precision == 0.75)
        #expect(s.recall == 0.75)
        #expect(s.f1 == 0.75)
        #expect(s.accuracy == 0.8)
        // po = 0.8, pe = 0.4*0.4 + 0.6*0.6 = 0.52, kappa = 0.28 / 0.48
        #expect(abs(s.kappa! - 0.28 / 0.48) < 1e-12)
        let nothing = AgreementStatistics(pairs: [("pass", "pass"), ("pass", "pass")], positive: "fail")
        #expect(nothing.f1 == nil)
        #expect(nothing.precision == nil)
    }

    @Test("Spearman's rho with ties")
    func spearman() {
        #expect(RankCorrelation.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == 1)
        #expect(RankCorrelation.spearman([1, 2, 3, 4], [40, 30, 20, 10]) == -1)
        #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test("ISO-8601 round trips and rejects impossible or zone-less times", arguments: [
        ("2026-10-03T09:12:00Z", "2026-10-03T09:12:00Z"),
        ("2026-10-03T11:12:00+02:00", "2026-10-03T09:12:00Z"),
        ("2026-10-03T09:12:00.250Z", "2026-10-03T09:12:00.250Z"),
        ("2024-02-29", "2024-02-29T00:00:00Z"),
    ])
    func iso8601(input: String, output: String) throws {
        let timestamp = try #require(ISO8601.parse(input))
        #expect(ISO8601.format(timestamp) == output)
    }

    @Test("invalid date-times", arguments: ["2026-02-30T00:00:00Z", "2026-10-03T09:12:00", "03/10/2026", "2026-13-01", ""])
    func invalidDates(input: String) {
        #expect(ISO8601.parse(input) == nil)
    }

    @Test("durations in the rubric syntax")
    func durations() {
        #expect(Duration(compact: "90s") == .seconds(90))
        #expect(Duration(compact: "1h30m") == .seconds(5400))
        #expect(Duration(compact: "PT2M") == .seconds(120))
        #expect(Duration(compact: "P1D") == .seconds(86400))
        #expect(Duration(compact: "7") == nil)
        #expect(Duration(compact: "m") == nil)
        #expect(Duration.seconds(4 * 3600).compactDescription == "4h")
    }

    @Test("the journey book keeps only the window and at most its capacity")
    func journeyBook() {
        var book = JourneyBook(window: .seconds(86400), capacity: 3)
        func record(_ id: String, _ customer: String, hours: Int) -> JourneyRecord {
            JourneyRecord(interactionID: id, customerID: customer, channel: .chat, startedAt: Fixture.start + .seconds(hours * 3600))
        }
        book.record(record("a", "c1", hours: 0))
        book.record(record("b", "c1", hours: 1))
        #expect(book.history(for: "c1", before: Fixture.start + .seconds(2 * 3600)).map(\.interactionID) == ["a", "b"])
        book.record(record("c", "c2", hours: 30))  // a and b fall out of the 24 h window
        #expect(book.count == 1)
        for k in 0..<10 { book.record(record("d\(k)", "c\(k)", hours: 31)) }
        #expect(book.count == 3)
    }
}
