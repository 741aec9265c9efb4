import Testing
@testable import OmniscoreCore

@Suite("Scores, N/A rescaling, auto-fail and coverage")
struct ScoringTests {
    static let greeting = PhraseList(id: "greeting", phrases: [Phrase("(hi|hello)")])
    static let rude = PhraseList(id: "rude", phrases: [Phrase("calm down")])
    static let thanks = PhraseList(id: "thanks", phrases: [Phrase("thank*")])

    static func rubric(weights: (Double?, Double?) = (nil, nil)) -> Rubric {
        Rubric(
            id: "r",
            version: "2",
            sha256: "abc",
            phraseLists: [greeting, rude, thanks],
            sections: [
                Section(id: "tone", weight: weights.0, criteria: [
                    Criterion(id: "respectful", points: 10, severity: .critical, check: .phrases(PhraseCheck(lists: [1], minimum: 0, maximum: 0))),
                    Criterion(id: "thanks-bonus", points: 5, isBonus: true, check: .phrases(PhraseCheck(lists: [2]))),
                ]),
                Section(id: "process", weight: weights.1, criteria: [
                    Criterion(id: "greeting", points: 10, check: .phrases(PhraseCheck(lists: [0], scope: .first(1)))),
                    Criterion(id: "voice-only", points: 30, channels: [.voice], check: .channel([.voice])),
                    Criterion(id: "refund-only", points: 20, appliesWhen: .event(EventCheck(kind: "refund_issued")), check: .channel([.chat])),
                ]),
            ]
        )
    }

    @Test("N/A criteria leave the denominator and the total is rescaled")
    func rescaling() throws {
        let card = try Scorer(rubric: Self.rubric()).score(Fixture.interaction([(.customer, "where is it"), (.agent, "It ships today.")]))
        // respectful pass (10/10), bonus fail (0), greeting fail (0/10), voice-only N/A, refund-only N/A.
        #expect(card.result(for: "voice-only")?.verdict == .na)
        #expect(card.result(for: "voice-only")?.reason == "does not apply on chat")
        #expect(card.result(for: "refund-only")?.verdict == .na)
        #expect(card.result(for: "refund-only")?.reason.hasPrefix("does not apply: no refund_issued event") == true)
        #expect(card.total == 50)
        #expect(card.sections.map(\.score) == [100, 0])
        #expect(card.isAutoFailed == false)
        #expect(card.rubric == Scorecard.RubricReference(id: "r", version: "2", sha256: "abc"))
    }

    @Test("bonus points count when earned but never in the denominator, and nothing exceeds 100")
    func bonus() throws {
        let card = try Scorer(rubric: Self.rubric()).score(Fixture.interaction([(.customer, "where is it"), (.agent, "Hi! Thank you, it ships today.")]))
        #expect(card.result(for: "thanks-bonus")?.points == 5)
        #expect(card.result(for: "thanks-bonus")?.maximum == 0)
        #expect(card.total == 100)
        #expect(card.sections.first?.score == 100)
    }

    @Test("a failed critical criterion sets the total to the auto-fail score")
    func autoFail() throws {
        let card = try Scorer(rubric: Self.rubric()).score(Fixture.interaction([(.customer, "where is it"), (.agent, "Hi, calm down.")]))
        #expect(card.isAutoFailed)
        #expect(card.total == 0)
        #expect(card.isPassed == false)
        #expect(card.sections.last?.score == 100)  // the sections keep their own scores for coaching
    }

    @Test("section weights make the total a weighted mean of section scores")
    func weights() throws {
        let card = try Scorer(rubric: Self.rubric(weights: (25, 75))).score(Fixture.interaction([(.customer, "where is it"), (.agent, "It ships today.")]))
        #expect(card.total == 25)
    }

    @Test("interactions that cannot be scored say why", arguments: [
        ([(Role, String)](), NotScoredReason.empty),
        ([(.customer, "   "), (.agent, "\n")], .empty),
        ([(.customer, "hello?"), (.bot, "Hi, I'm the bot")], .noAgentMessage),
        ([(.customer, "hi"), (.agent, "ok")], .tooShort),
    ])
    func notScored(lines: [(Role, String)], reason: NotScoredReason) throws {
        let card = try Scorer(rubric: Self.rubric()).score(Fixture.interaction(lines))
        #expect(card.notScoredReason == reason)
        #expect(card.total == nil)
        guard case .notScored(_, let detail) = card.status else { return }
        #expect(!detail.isEmpty)
    }

    @Test("language, channel and scope coverage")
    func coverage() throws {
        var rubric = Self.rubric()
        rubric.channels = [.chat, .email]
        let scorer = try Scorer(rubric: rubric)
        let spanishDetected = Fixture.interaction([(.customer, "Hola, necesito ayuda con mi pedido que no ha llegado"), (.agent, "Hola, lo siento mucho, ya lo reviso para usted")], language: nil)
        let card = scorer.score(spanishDetected)
        #expect(card.notScoredReason == .languageNotCovered)
        #expect(card.language == "es")
        let frenchGiven = Fixture.interaction([(.customer, "hello there my friend"), (.agent, "hello and welcome")], language: "fr")
        #expect(scorer.score(frenchGiven).notScoredReason == .languageNotCovered)
        let sms = Fixture.interaction([(.customer, "where is my order"), (.agent, "Hi, it ships today")], channel: .sms)
        #expect(scorer.score(sms).notScoredReason == .unsupportedChannel)
        var scoped = Self.rubric()
        scoped.scope = .event(EventCheck(kind: "refund_issued"))
        scoped.scopeDescription = "refund conversations"
        let outOfScope = try Scorer(rubric: scoped).score(Fixture.interaction([(.customer, "where is my order"), (.agent, "Hi, it ships today")]))
        #expect(outOfScope.notScoredReason == .outOfScope)
    }

    @Test("scoring is deterministic: the same input gives identical scorecards, also from a fresh scorer")
    func determinism() throws {
        let interaction = Fixture.interaction([(.customer, "This is ridiculous, where is order LK-123456?"), (.agent, "Hi, I'm so sorry! Calm down, it ships today.")])
        let a = try Scorer(rubric: Self.rubric()).score(interaction)
        let b = try Scorer(rubric: Self.rubric()).score(interaction)
        #expect(a == b)
    }

    @Test("the tone summary is continuous and per message")
    func toneSummary() throws {
        let card = try Scorer(rubric: Self.rubric()).score(Fixture.interaction([(.customer, "This is ABSOLUTELY RIDICULOUS!!"), (.agent, "Hi! I'm so sorry, I completely understand. Let me fix this for you right now.")]))
        let tone = try #require(card.tone)
        #expect(tone.messages.count == 2)
        #expect((tone.frustration ?? 0) > 60)
        #expect((tone.politeness ?? 0) > 70)
        #expect(tone.score > 0 && tone.score <= 100)
    }
}
