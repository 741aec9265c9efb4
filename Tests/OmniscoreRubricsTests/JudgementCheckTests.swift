import Foundation
import OmniscoreCore
import OmniscoreInterchange
import Testing
@testable import OmniscoreRubrics

@Suite("Contrastive pairs, human ratings and fitted weights")
struct JudgementCheckTests {
    static let pair = """
        <pair name="warm-vs-cold" section="process" behaviour="greeting">
          <note>Only the greeting differs.</note>
          <better><customer>where is my order</customer><agent>Hello, let me check that for you.</agent></better>
          <worse><customer>where is my order</customer><agent>Let me check that for you now.</agent></worse>
        </pair>
        """

    static func rubric(pairs: String) -> String {
        RubricSource.minimal().replacingOccurrences(of: "</section>", with: "</section>\n" + pairs)
    }

    @Test("a pair in a rubric holds when the better version scores higher, and is broken when swapped")
    func pairInRubric() throws {
        let loaded = try RubricLoader.load(source: Self.rubric(pairs: Self.pair), file: "mini.xml")
        #expect(loaded.rubric.pairs.count == 1)
        let check = try RubricCheck.run(rubric: loaded.rubric, labels: [], interactions: [])
        #expect(check.pairs.first?.passed == true)
        #expect(check.passed)
        let broken = try RubricCheck.run(rubric: try RubricLoader.load(source: Self.rubric(pairs: Self.swappedPair), file: "mini.xml").rubric, labels: [], interactions: [])
        let result = try #require(broken.pairs.first)
        #expect(!result.passed)
        #expect(result.reason.contains("better 0"))
        #expect(result.location.hasPrefix("mini.xml:"))
        #expect(broken.failures.contains("1 of 1 contrastive pairs broken"))
        #expect(broken.textReport().contains("BROKEN mini.xml:"))
        #expect(broken.junitReport().contains("<testsuite name=\"pairs\" tests=\"1\" failures=\"1\">"))
        #expect(broken.markdownReport().contains("**Contrastive pairs:** 0 of 1 hold"))
    }

    static let swappedPair = """
        <pair name="cold-vs-warm" section="process">
          <better><customer>where is my order</customer><agent>Let me check that for you now.</agent></better>
          <worse><customer>where is my order</customer><agent>Hello, let me check that for you.</agent></worse>
        </pair>
        """

    @Test("a pair naming a section the rubric lacks, or two targets, is a located error")
    func pairErrors() {
        let unknown = RubricSource.errors(Self.rubric(pairs: Self.pair.replacingOccurrences(of: #"section="process""#, with: #"section="proces""#)))
        #expect(unknown.contains { $0.message.contains(#"section "proces", which the rubric does not have; did you mean "process"?"#) })
        let two = RubricSource.errors(Self.rubric(pairs: Self.pair.replacingOccurrences(of: #"section="process""#, with: #"section="process" figure="total""#)))
        #expect(two.contains { $0.message.contains("needs exactly one of") && $0.line > 1 })
    }

    @Test("a pairs file loads on its own and is refused as a rubric, and the reverse")
    func pairsFile() throws {
        let file = "<?xml version=\"1.0\"?>\n<pairs xmlns=\"urn:omniscore:rubric:1\">\n\(Self.pair)\n</pairs>\n"
        let pairs = try RubricLoader.loadPairs(bytes: Array(file.utf8), file: "p.xml")
        #expect(pairs.map(\.name) == ["warm-vs-cold"])
        #expect(pairs[0].behaviour == "greeting")
        #expect(RubricSource.errors(file, file: "p.xml").first?.message.contains("expected a <rubric> document") == true)
        #expect(throws: RubricLoadError.self) { try RubricLoader.loadPairs(bytes: Array(RubricSource.minimal().utf8), file: "r.xml") }
    }

    @Test("every stock pair holds against the stock rubric", arguments: ["tone", "process", "escalation", "independent"])
    func stockPairs(file: String) throws {
        let rubric = try RubricLoader.load(source: try RubricSource.file("Rubrics/omnichannel-standard.xml"), file: "omnichannel-standard.xml").rubric
        let path = "Samples/pairs/omnichannel-standard/\(file).xml"
        let pairs = try RubricLoader.loadPairs(bytes: Array(try RubricSource.file(path).utf8), file: path)
        #expect(pairs.count >= 20)
        let check = try RubricCheck.run(rubric: rubric, labels: [], interactions: [], pairs: pairs)
        for broken in check.pairs where !broken.passed {
            Issue.record("\(broken.location): \(broken.name): \(broken.reason)")
        }
    }

    @Test("the shipped pairs cover every behaviour of the issue on all six channels")
    func pairCoverage() throws {
        var pairs: [RubricPair] = []
        for file in ["tone", "process", "escalation"] {
            let path = "Samples/pairs/omnichannel-standard/\(file).xml"
            pairs += try RubricLoader.loadPairs(bytes: Array(try RubricSource.file(path).utf8), file: path)
        }
        #expect(pairs.count >= 60)
        #expect(Set(pairs.map(\.better.channel)) == Set(Channel.allCases))
        let behaviours = Set(pairs.map(\.behaviour))
        for needed in ["sarcasm", "blame", "ownership", "reassurance", "frustration-reading", "repeat-ask", "repeat-ask-journey", "promise", "formal-complaint", "handover", "escalation-request", "bot-loop", "right-tier", "late", "needless"] {
            #expect(behaviours.contains(needed), "no pair for \(needed)")
        }
    }

    // MARK: Ratings

    @Test("ROC-AUC, Spearman and the bootstrap agree with hand-computed values and are deterministic")
    func statistics() throws {
        let scores = RankedSample([0.1, 0.4, 0.35, 0.8])
        let labels = [false, false, true, true]
        #expect(scores.auc(labels: labels, weights: [1, 1, 1, 1]) == 0.75)
        #expect(RankedSample([1, 1, 2, 2]).auc(labels: labels, weights: [1, 1, 1, 1]) == 1.0)
        #expect(RankedSample([1, 2, 1, 2]).auc(labels: labels, weights: [1, 1, 1, 1]) == 0.5)
        let rho = RankedSample.spearman(RankedSample([1, 2, 3, 4, 5]), RankedSample([5, 6, 7, 8, 7]), weights: [1, 1, 1, 1, 1])
        #expect(abs((rho ?? 0) - (RankCorrelation.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) ?? 1)) < 1e-12)
        let a = Bootstrap.interval(count: 4) { scores.auc(labels: labels, weights: $0) }
        let b = Bootstrap.interval(count: 4) { scores.auc(labels: labels, weights: $0) }
        #expect(a != nil && a?.low == b?.low && a?.high == b?.high)
    }

    @Test("ratings are reported per figure with intervals; a yes/no rating gets AUC and agreement, a number Spearman")
    func ratings() throws {
        let rubric = try RubricLoader.load(source: try RubricSource.file("Rubrics/omnichannel-standard.xml"), file: "o.xml").rubric
        let angry = ["This is ridiculous, useless, I want a manager now!!", "Absolutely pathetic. Unacceptable."]
        let calm = ["Hi, could you tell me when my parcel arrives?", "Lovely, thank you!"]
        var interactions: [Interaction] = []
        var ratings: [HumanRating] = []
        for k in 0..<12 {
            let words = k % 2 == 0 ? angry : calm
            let start = Timestamp(millisecondsSinceEpoch: 1_790_000_000_000 + Int64(k) * 3_600_000)
            interactions.append(Interaction(id: "r-\(k)", channel: .chat, customerID: "c-\(k)", agentID: "a", startedAt: start, language: "en", messages: [
                Message(role: .customer, at: start, text: words[0]), Message(role: .agent, at: start + .seconds(30), text: "I'm sorry, let me check that for you."),
                Message(role: .customer, at: start + .seconds(60), text: words[1]),
            ]))
            ratings.append(HumanRating(interactionID: "r-\(k)", values: [("escalate", .flag(k % 2 == 0)), ("csat", .number(k % 2 == 0 ? 1 : 5))], location: "r:\(k)"))
        }
        let check = try RubricCheck.run(rubric: rubric, labels: [], interactions: interactions, ratings: ratings)
        let need = try #require(check.ratings.first { $0.rating == "escalate" && $0.figure == "escalation.need" })
        #expect(need.isBinary && need.count == 12 && need.positives == 6)
        #expect(need.auc == 1.0)
        let outcome = try #require(check.ratings.first { $0.rating == "csat" && $0.figure == "customer.outcome" })
        #expect(!outcome.isBinary)
        #expect((outcome.spearman ?? 0) > 0.8)
        #expect(check.textReport().contains("human ratings: 12 rated interactions"))
        #expect(check.passed, "ratings never fail the check")
    }

    @Test("a rating line that is not a number, boolean or null is a located error")
    func ratingErrors() {
        #expect(throws: InterchangeError.self) { try HumanRating.decode(#"{"id":"a","ratings":{"csat":"five"}}"#, lineNumber: 3, source: "r.jsonl") }
        let rating = try? HumanRating.decode(#"{"id":"a","ratings":{"csat":4,"angry":true,"x":null}}"#, lineNumber: 1, source: "r.jsonl")
        #expect(rating?.values.count == 2)
    }

    // MARK: Fit

    @Test("fitting is deterministic, moves the weights towards the ratings, and writes a rubric that loads")
    func fit() throws {
        let source = try RubricSource.file("Rubrics/omnichannel-standard.xml")
        let rubric = try RubricLoader.load(source: source, file: "o.xml").rubric
        var interactions: [Interaction] = []
        var ratings: [HumanRating] = []
        for k in 0..<40 {
            // The rating follows the agent's refusals, which the default need weighs little.
            let refuses = k % 2 == 0
            let start = Timestamp(millisecondsSinceEpoch: 1_790_000_000_000 + Int64(k) * 3_600_000)
            interactions.append(Interaction(id: "f-\(k)", channel: .chat, customerID: "c-\(k)", agentID: "a", startedAt: start, language: "en", messages: [
                Message(role: .customer, at: start, text: k % 3 == 0 ? "Hi, can I book a table for four tonight?" : "Hello, I'd like a room for Friday please."),
                Message(role: .agent, at: start + .seconds(30), text: refuses ? "Unfortunately there is no availability, we are fully booked." : "Yes, that's booked for you now."),
                Message(role: .customer, at: start + .seconds(60), text: "OK."),
            ]))
            ratings.append(HumanRating(interactionID: "f-\(k)", values: [("annoyed", .flag(refuses))], location: "f:\(k)"))
        }
        let target = try #require(RubricFit.Target("need=annoyed"))
        let first = try RubricFit.run(rubric: rubric, interactions: interactions, ratings: ratings, targets: [target])
        let second = try RubricFit.run(rubric: rubric, interactions: interactions, ratings: ratings, targets: [target])
        #expect(first[0].model.weights == second[0].model.weights)
        #expect(first[0].model.weight("refusals")! > rubric.signals.need.weight("refusals")!)
        #expect((first[0].crossValidated ?? 0) >= 0.9)
        let text = RubricFit.rewrite(source: source, rubric: rubric, results: first, version: "1.1.0+fit")
        let refitted = try RubricLoader.load(source: text, file: "fitted.xml").rubric
        #expect(refitted.version == "1.1.0+fit")
        #expect(abs(refitted.signals.need.weight("refusals")! - first[0].model.weight("refusals")!) < 1e-3)
        #expect(text.contains("fitted=\"rubric fit on 40 ratings of annoyed"))
        #expect(RubricFit.Target("outcome=csat>=4")?.threshold == 4)
        #expect(RubricFit.Target("tone=csat") == nil)
    }

    @Test("signals: unknown features and figures given twice are located errors; include names a built-in lexicon")
    func signalErrors() {
        let bad = RubricSource.minimal().replacingOccurrences(of: #"<section id="process""#, with: """
            <signals><model figure="need" bias="-3"><weight feature="anoyance-mean" value="4"/></model><model figure="need"/></signals>
            <section id="process"
            """)
        let errors = RubricSource.errors(bad)
        #expect(errors.contains { $0.message.contains(#"no feature "anoyance-mean"; did you mean "annoyance-mean"?"#) })
        #expect(errors.contains { $0.message.contains("already given") })
        let include = RubricSource.minimal(lists: #"<phrases id="greeting" include="ironny"/>"#)
        #expect(RubricSource.errors(include).contains { $0.message.contains(#"unknown built-in lexicon "ironny"; did you mean "irony"?"#) })
        let good = RubricSource.minimal(lists: #"<phrases id="greeting" include="greeting"><phrase>howdy partner</phrase></phrases>"#)
        #expect(RubricSource.errors(good).isEmpty)
    }
}
