import Testing
@testable import OmniscoreCore

@Suite("Coaching: intervals, periods, masking")
struct CoachingTests {
    @Test("Wilson 95% intervals match hand-computed values")
    func wilson() throws {
        let eight = try #require(WilsonInterval(successes: 8, total: 10))
        #expect(abs(eight.low - 0.4902) < 0.0005)
        #expect(abs(eight.high - 0.9433) < 0.0005)
        let all = try #require(WilsonInterval(successes: 5, total: 5))
        #expect(abs(all.low - 0.5655) < 0.0005)
        #expect(all.high == 1)
        #expect(WilsonInterval(successes: 0, total: 0) == nil)
    }

    @Test("periods: months and ISO weeks, their bounds and the previous period", arguments: [
        ("2026-10", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "2026-09"),
        ("2026-01", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2025-12"),
        ("2026-W01", "2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z", "2025-W52"),
        ("2026-W44", "2026-10-26T00:00:00Z", "2026-11-02T00:00:00Z", "2026-W43"),
        ("2026-W53", "2026-12-28T00:00:00Z", "2027-01-04T00:00:00Z", "2026-W52"),
    ])
    func periods(text: String, start: String, end: String, previous: String) throws {
        let period = try #require(ReportPeriod(text))
        #expect(ISO8601.format(period.start) == start)
        #expect(ISO8601.format(period.end) == end)
        #expect(period.previous.description == previous)
        #expect(period.previous.end == period.start)
    }

    @Test("malformed periods are rejected", arguments: ["2026-13", "2026-0", "26-10", "2025-W53", "2026-W00", "october", "2026-10-01"])
    func badPeriods(text: String) {
        #expect(ReportPeriod(text) == nil)
    }

    @Test("masking: e-mail, phone, Luhn-valid cards, IBAN and known customer names; other text untouched")
    func masking() {
        let masker = PIIMasker(names: ["Ellie Marsh", "Zoë Ng"])
        let text = "Hi Ellie, mail ellie.marsh@example.com or call +44 7700 900123; card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32. MARSH said so, zoe too. Order LK-483920 ships."
        let masked = masker.mask(text)
        #expect(masked == "Hi [name], mail [email] or call [phone]; card [card], IBAN [iban]. [name] said so, [name] too. Order LK-483920 ships.")
        #expect(PIIMasker().mask("nothing personal here") == "nothing personal here")
    }

    @Test("masking tricky names and handles: whole tokens only, never common words; postcodes")
    func trickyNames() {
        let masker = PIIMasker(names: ["@the_wren_nest", "Hope Bell", "Will Smith", "Al Li", "wren_42"])
        #expect(masker.mask("Thanks @the_wren_nest, the parcel is with the courier.") == "Thanks [name], the parcel is with the courier.")
        #expect(masker.mask("the_wren_nest and THE_WREN_NEST but not the wren nest") == "[name] and [name] but not the wren nest")
        #expect(masker.mask("I hope so. Bell will call. Hope Bell called; hope so.") == "I hope so. [name] will call. [name] called; hope so.")
        #expect(masker.mask("Will Smith will be in touch. Smith agreed.") == "[name] will be in touch. [name] agreed.")
        #expect(masker.mask("Al Li asked; all is well") == "[name] asked; all is well")
        #expect(masker.mask("wren_42 wrote, and a wren sang") == "[name] wrote, and a wren sang")
        #expect(masker.mask("Send it to SW1A 1AA or m1 1ae, not to gate B2.") == "Send it to [postcode] or [postcode], not to gate B2.")
    }
}
