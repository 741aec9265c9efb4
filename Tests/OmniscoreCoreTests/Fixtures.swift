import OmniscoreCore

/// Builders for test interactions and small rubrics.
enum Fixture {
    static let start = Timestamp(millisecondsSinceEpoch: 1_790_000_000_000)

    /// An interaction whose messages are `spacing` seconds apart (or untimed when `spacing` is nil).
    static func interaction(
        _ lines: [(Role, String)],
        id: String = "i-1",
        channel: Channel = .chat,
        customer: String = "cus-1",
        start: Timestamp = Fixture.start,
        spacing: Int? = 30,
        events: [InteractionEvent] = [],
        subject: String? = nil,
        language: String? = "en"
    ) -> Interaction {
        let messages = lines.enumerated().map { index, line in
            Message(role: line.0, at: spacing.map { start + .seconds($0 * index) }, text: line.1)
        }
        return Interaction(id: id, channel: channel, customerID: customer, agentID: "agt-1", startedAt: start, subject: subject, language: language, messages: messages, events: events)
    }

    static func event(_ kind: String, after seconds: Int, _ detail: [(key: String, value: JSONValue)] = []) -> InteractionEvent {
        InteractionEvent(kind: kind, at: Fixture.start + .seconds(seconds), actor: "agt-1", detail: detail)
    }

    /// A one-section rubric with one criterion per check, over the given phrase lists.
    static func rubric(lists: [PhraseList] = [], checks: [(String, Check)], policy: EscalationPolicy? = nil, languages: [String] = ["en"], scope: Check? = nil, minimumWords: Int = 1) -> Rubric {
        let criteria = checks.map { Criterion(id: $0.0, points: 10, check: $0.1) }
        return Rubric(id: "test", version: "1", languages: languages, scope: scope, scoring: ScoringRules(minimumWords: minimumWords, skipsPleasantries: false), phraseLists: lists, escalationPolicy: policy, sections: [Section(id: "main", criteria: criteria)])
    }

    /// The verdict of criterion `id` when `interaction` is scored against a one-criterion rubric.
    static func verdict(_ check: Check, lists: [PhraseList] = [], policy: EscalationPolicy? = nil, _ interaction: Interaction, history: [JourneyRecord] = []) throws -> CriterionResult {
        let scorer = try Scorer(rubric: rubric(lists: lists, checks: [("c", check)], policy: policy))
        let card = scorer.score(interaction, history: history)
        guard let result = card.result(for: "c") else {
            throw FixtureError(message: "not scored: \(card.status)")
        }
        return result
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { self.message }
    }
}
