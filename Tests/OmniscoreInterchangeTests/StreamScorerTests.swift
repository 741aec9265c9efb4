import OmniscoreCore
import Testing
@testable import OmniscoreInterchange

@Suite("Streaming scorer, scorecard JSON, golden labels, synthetic data")
struct StreamScorerTests {
    static let rubric: Rubric = {
        let greeting = PhraseList(id: "greeting", phrases: [Phrase("hello"), Phrase("hi"), Phrase("good (morning|afternoon)")])
        let check = Check.phrases(PhraseCheck(lists: [0], speaker: .agent, scope: .first(1)))
        return Rubric(id: "mini", version: "3", sha256: "0123abcd", phraseLists: [greeting], sections: [Section(id: "process", criteria: [Criterion(id: "process.greeting", points: 10, check: check)])])
    }()

    static func line(id: String, agentText: String?, customer: String = "cus-1", day: Int = 2) -> String {
        let agent = agentText.map { #",{"role":"agent","at":"2026-10-0\#(day)T09:15:00Z","text":"\#($0)"}"# } ?? ""
        return #"{"id":"\#(id)","channel":"chat","customer_id":"\#(customer)","agent_id":"agt-1","started_at":"2026-10-0\#(day)T09:14:00Z","messages":[{"role":"customer","at":"2026-10-0\#(day)T09:14:00Z","text":"my parcel never came"}\#(agent)]}"#
    }

    @Test("every line is accounted for: scored, not scored with a reason, rejected, blank")
    func summary() throws {
        var stream = StreamScorer(scorer: try Scorer(rubric: Self.rubric))
        let lines = [
            Self.line(id: "a", agentText: "Hello, sorry to hear that, let me look."),
            Self.line(id: "b", agentText: "Let me look at that for you now."),
            Self.line(id: "c", agentText: nil),
            "{not json",
            "   ",
        ]
        var cards: [Scorecard] = []
        var rejects: [InterchangeError] = []
        for (index, line) in lines.enumerated() {
            var copy = line
            let outcome = copy.withUTF8 { stream.process(UnsafeRawBufferPointer($0), number: index + 1) }
            switch outcome {
            case .scorecard(_, let card): cards.append(card)
            case .rejected(let error): rejects.append(error)
            case .blank: break
            }
        }
        #expect(stream.summary.lines == 5)
        #expect(stream.summary.scored == 2)
        #expect(stream.summary.notScored[.noAgentMessage] == 1)
        #expect(stream.summary.rejected == 1)
        #expect(stream.summary.blank == 1)
        #expect(rejects.first?.line == 4)
        #expect(cards[0].result(for: "process.greeting")?.verdict == .pass)
        #expect(cards[1].result(for: "process.greeting")?.verdict == .fail)
        #expect(stream.summary.description.contains("no_agent_message 1"))
    }

    @Test("the same input and rubric give byte-identical scorecards pinned to the rubric version")
    func deterministic() throws {
        let scorer = try Scorer(rubric: Self.rubric)
        let interaction = try InteractionDecoder().decode(Self.line(id: "a", agentText: "Hi! Sorry to hear that."))
        let first = ScorecardEncoder.encodeString(scorer.score(interaction))
        let second = ScorecardEncoder.encodeString(try Scorer(rubric: Self.rubric).score(interaction))
        #expect(first == second)
        #expect(first.contains(#""rubric":{"id":"mini","version":"3","sha256":"0123abcd"}"#))
        #expect(first.contains(#""criterion":"process.greeting""#) || first.contains(#""id":"process.greeting""#))
        #expect(!first.contains("\n"))
    }

    @Test("numbers are written with at most two decimals and without exponent")
    func numbers() {
        #expect(JSONWriter.format(100) == "100")
        #expect(JSONWriter.format(66.666666) == "66.67")
        #expect(JSONWriter.format(0.5) == "0.5")
        #expect(JSONWriter.format(1e9) == "1000000000")
    }

    @Test("golden labels decode verdicts, ratings and not-scored reasons")
    func goldenLabels() throws {
        let label = try GoldenLabel.decode(#"{"id":"sms-1","status":"scored","verdicts":{"tone.courteous":"fail","tone.empathy":"na"},"ratings":{"agent_politeness":2,"customer_frustration":4}}"#, lineNumber: 1, source: "x.jsonl")
        #expect(label.interactionID == "sms-1")
        #expect(label.verdict(for: "tone.courteous") == .fail)
        #expect(label.verdict(for: "tone.empathy") == .na)
        #expect(label.verdict(for: "unknown") == nil)
        #expect(throws: InterchangeError.self) {
            try GoldenLabel.decode(#"{"id":"sms-1","status":"scored","verdicts":{"tone.courteous":"maybe"}}"#, lineNumber: 7, source: "x.jsonl")
        }
    }

    @Test("synthetic data is reproducible from its seed and decodes")
    func synthetic() throws {
        var a = SyntheticInteractions(seed: 7)
        var b = SyntheticInteractions(seed: 7)
        var c = SyntheticInteractions(seed: 8)
        let lineA = a.nextLine()
        #expect(lineA == b.nextLine())
        #expect(lineA != c.nextLine())
        let interaction = try lineA.withUnsafeBytes { buffer in
            Result { () throws(InterchangeError) in try InteractionDecoder().decode(buffer, line: 1) }
        }.get()
        #expect(interaction.messages.count == 12)
    }
}
