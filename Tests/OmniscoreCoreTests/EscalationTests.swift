import Testing
@testable import OmniscoreCore

@Suite("Escalation policy verdicts")
struct EscalationTests {
    static let managerRequest = PhraseList(id: "manager", phrases: [Phrase("(speak|talk) to (a|your) (manager|supervisor)")])
    static let legal = PhraseList(id: "legal", phrases: [Phrase("(lawyer|solicitor|court)")])

    static let policy = EscalationPolicy(triggers: [
        EscalationTrigger(id: "manager-request", condition: .phrases(PhraseCheck(lists: [0], speaker: .customer)), tier: 2, deadline: ChannelLimits(default: .seconds(600), perChannel: [.email: .seconds(4 * 3600)])),
        EscalationTrigger(id: "legal-threat", condition: .phrases(PhraseCheck(lists: [1], speaker: .customer)), tier: 3, deadline: ChannelLimits(default: .seconds(600))),
    ])

    static func rubric() -> Rubric {
        // The four facets that are N/A unless something happened; `appropriate` always applies (JudgementTests).
        let facets = [EscalationFacet.escalatedWhenRequired, .notNeedless, .rightTier, .inTime].map { facet in Criterion(id: facet.rawValue, points: 5, check: .escalation(facet)) }
        return Rubric(id: "esc", version: "1", phraseLists: [managerRequest, legal], escalationPolicy: policy, sections: [Section(id: "escalation", criteria: facets)])
    }

    static func score(_ lines: [(Role, String)], events: [InteractionEvent], channel: Channel = .chat) throws -> Scorecard {
        try Scorer(rubric: rubric()).score(Fixture.interaction(lines, channel: channel, spacing: 60, events: events))
    }

    static func escalated(tier: Int, after seconds: Int) -> InteractionEvent {
        Fixture.event("escalated", after: seconds, [("tier", .number(Double(tier)))])
    }

    func verdicts(_ card: Scorecard) -> [String: Verdict] {
        Dictionary(uniqueKeysWithValues: card.criteria.map { ($0.id, $0.verdict) })
    }

    @Test("correct: triggered, escalated to the tier, in time")
    func correct() throws {
        let card = try Self.score([(.customer, "I want to speak to a manager"), (.agent, "Of course")], events: [Self.escalated(tier: 2, after: 120)])
        #expect(card.escalation?.kind == .correct)
        #expect(self.verdicts(card) == ["when-required": .pass, "not-needless": .pass, "right-tier": .pass, "in-time": .pass])
        #expect(card.escalation?.fired.first?.id == "manager-request")
        #expect(card.escalation?.deadline == Fixture.start + .seconds(600))
    }

    @Test("missed: triggered, never escalated")
    func missed() throws {
        let card = try Self.score([(.customer, "Let me speak to your supervisor"), (.agent, "I can help")], events: [])
        #expect(card.escalation?.kind == .missed)
        #expect(self.verdicts(card) == ["when-required": .fail, "not-needless": .na, "right-tier": .na, "in-time": .na])
        let reason = try #require(card.result(for: "when-required")?.reason)
        #expect(reason.hasPrefix("missed escalation: manager-request"))
    }

    @Test("needless: escalated without a trigger")
    func needless() throws {
        let card = try Self.score([(.customer, "What size is the jacket?"), (.agent, "Let me get someone")], events: [Self.escalated(tier: 2, after: 60)])
        #expect(card.escalation?.kind == .needless)
        #expect(self.verdicts(card) == ["when-required": .na, "not-needless": .fail, "right-tier": .na, "in-time": .na])
    }

    @Test("wrong tier: a legal threat escalated only to tier 2")
    func wrongTier() throws {
        let card = try Self.score([(.customer, "My solicitor will hear about this"), (.agent, "I'll pass you on")], events: [Self.escalated(tier: 2, after: 60)])
        #expect(card.escalation?.kind == .wrongTier)
        #expect(card.escalation?.requiredTier == 3)
        #expect(self.verdicts(card) == ["when-required": .pass, "not-needless": .pass, "right-tier": .fail, "in-time": .pass])
    }

    @Test("late: the right tier after the deadline; e-mail has a longer deadline")
    func late() throws {
        let lines: [(Role, String)] = [(.customer, "I want to talk to a manager"), (.agent, "Let me try first")]
        let chat = try Self.score(lines, events: [Self.escalated(tier: 2, after: 1800)])
        #expect(chat.escalation?.kind == .late)
        #expect(self.verdicts(chat)["in-time"] == .fail)
        let email = try Self.score(lines, events: [Self.escalated(tier: 2, after: 1800)], channel: .email)
        #expect(email.escalation?.kind == .correct)
    }

    @Test("not needed: no trigger, no escalation")
    func notNeeded() throws {
        let card = try Self.score([(.customer, "What size is the jacket?"), (.agent, "Medium")], events: [])
        #expect(card.escalation?.kind == .notNeeded)
        #expect(card.isScored == false)  // every criterion is N/A
        #expect(card.notScoredReason == .nothingApplicable)
    }

    @Test("the highest tier among fired triggers is required, the earliest deadline counts")
    func multipleTriggers() throws {
        let card = try Self.score([(.customer, "I want to speak to a manager"), (.agent, "ok"), (.customer, "or my lawyer will")], events: [Self.escalated(tier: 3, after: 300)])
        #expect(card.escalation?.fired.map(\.id) == ["manager-request", "legal-threat"])
        #expect(card.escalation?.requiredTier == 3)
        #expect(card.escalation?.deadline == Fixture.start + .seconds(600))
        #expect(card.escalation?.kind == .correct)
    }
}
