/// Everything known about one interaction while its checks are evaluated: the normalised text, phrase hits, tone
/// measures, entities, journey history and the escalation outcome, each computed once.
struct Evaluation: Sendable {
    let rubric: Rubric
    let interaction: Interaction
    let text: InteractionText
    let hits: PhraseHits
    let tone: ToneAnalysis
    let history: [JourneyRecord]
    let lexiconBase: Int
    let listDisplayNames: [String]
    /// Entities per message (customer messages always; others when a check needs them).
    let entities: [[Entity]]
    /// The policy outcome, when the rubric has an escalation policy.
    private(set) var escalation: EscalationOutcome? = nil
    /// How strongly the conversation called for escalation (0-1); `nil` only while the policy's triggers are
    /// evaluated, which cannot depend on it.
    private(set) var need: Double? = nil
    /// What later interactions of this customer see of this one.
    private(set) var record: JourneyRecord
    /// Phrase lists that mark information the customer gave in words (a problem description, a document).
    let givenLists: [(info: InfoKind, lists: [Int])]

    /// The result of evaluating a check.
    struct Outcome: Sendable {
        var verdict: Verdict
        var reason: String
        var evidence: [Evidence] = []
        /// When the condition became true (for escalation triggers): the time of its deciding evidence.
        var time: Timestamp? = nil
        /// Message index of that evidence.
        var message: Int? = nil
        /// Graded credit (0-1) of a check that grades its measure; `nil` for pass/fail checks.
        var credit: Double? = nil

        static func pass(_ reason: String, _ evidence: [Evidence] = [], time: Timestamp? = nil, message: Int? = nil) -> Outcome {
            Outcome(verdict: .pass, reason: reason, evidence: evidence, time: time, message: message)
        }

        static func fail(_ reason: String, _ evidence: [Evidence] = [], time: Timestamp? = nil, message: Int? = nil) -> Outcome {
            Outcome(verdict: .fail, reason: reason, evidence: evidence, time: time, message: message)
        }

        static func na(_ reason: String) -> Outcome {
            Outcome(verdict: .na, reason: reason)
        }
    }

    /// The messages a check may look at: all of them, or the window after a trigger.
    struct Window: Sendable {
        var messages: Range<Int>
        var isFull: Bool
    }

    var fullWindow: Window { Window(messages: 0..<self.interaction.messages.count, isFull: true) }

    init(scorer: Scorer, interaction: Interaction, text: InteractionText, hits: PhraseHits, tone: ToneAnalysis, history: [JourneyRecord]) {
        self.rubric = scorer.rubric
        self.interaction = interaction
        self.text = text
        self.hits = hits
        self.tone = tone
        self.history = history
        self.lexiconBase = scorer.lexiconBase
        self.listDisplayNames = scorer.listDisplayNames
        let needsAll = scorer.needsEntitiesForAllSpeakers
        self.entities = interaction.messages.map { message in
            message.role == .customer || needsAll ? EntityScanner.scan(message.text) : []
        }
        self.givenLists = scorer.givenLists
        self.record = JourneyRecord(interactionID: interaction.id, customerID: interaction.customerID, channel: interaction.channel, startedAt: interaction.startedAt)
        self.record = self.journeyRecord()
        let fired = scorer.rubric.escalationPolicy.map { self.firedTriggers($0) } ?? []
        let need = scorer.rubric.signals.need.probability(self.needFeatures(triggerFired: !fired.isEmpty))
        self.need = need
        if let policy = scorer.rubric.escalationPolicy {
            self.escalation = self.escalationOutcome(policy, fired: fired, need: need)
        }
    }

    // MARK: Criteria

    /// Evaluates one criterion: channel applicability, its N/A condition, then its check.
    func evaluate(_ criterion: Criterion, in section: Section) -> CriterionResult {
        func result(_ verdict: Verdict, _ reason: String, _ evidence: [Evidence], credit: Double? = nil) -> CriterionResult {
            let available = verdict == .na || criterion.isBonus ? 0 : criterion.points
            // A graded check earns its points in proportion to its measure; a pass/fail check all or nothing.
            let earned = verdict == .na ? 0 : credit.map { criterion.points * $0 } ?? (verdict == .pass ? criterion.points : 0)
            return CriterionResult(
                id: criterion.id,
                section: section.id,
                verdict: verdict,
                points: earned,
                maximum: available,
                isCritical: criterion.severity == .critical,
                isBonus: criterion.isBonus,
                reason: reason,
                evidence: evidence
            )
        }
        if let channels = criterion.channels, !channels.contains(self.interaction.channel) {
            return result(.na, "does not apply on \(self.interaction.channel.rawValue)", [])
        }
        if let condition = criterion.appliesWhen {
            let applies = self.evaluate(condition, in: self.fullWindow)
            if applies.verdict != .pass {
                return result(.na, "does not apply: \(applies.reason)", [])
            }
        }
        let outcome = self.evaluate(criterion.check, in: self.fullWindow)
        return result(outcome.verdict, outcome.reason, outcome.evidence, credit: outcome.credit)
    }

    /// An N/A result for a criterion that is not evaluated at all.
    static func notApplicable(_ criterion: Criterion, in section: Section, reason: String) -> CriterionResult {
        CriterionResult(
            id: criterion.id,
            section: section.id,
            verdict: .na,
            points: 0,
            maximum: 0,
            isCritical: criterion.severity == .critical,
            isBonus: criterion.isBonus,
            reason: reason,
            evidence: []
        )
    }

    // MARK: Checks

    func evaluate(_ check: Check, in window: Window) -> Outcome {
        switch check {
        case .all(let children):
            var passed: [Outcome] = []
            var sawNA: Outcome? = nil
            for child in children {
                let outcome = self.evaluate(child, in: window)
                switch outcome.verdict {
                case .fail: return outcome
                case .na: sawNA = sawNA ?? outcome
                case .pass: passed.append(outcome)
                }
            }
            if passed.isEmpty { return sawNA ?? .na("nothing to check") }
            let latest = passed.compactMap(\.time).max()
            let message = passed.compactMap(\.message).max()
            return .pass(passed.map(\.reason).joined(separator: "; "), passed.flatMap(\.evidence), time: latest, message: message)
        case .any(let children):
            var failed: [Outcome] = []
            var passed: Outcome? = nil
            for child in children {
                let outcome = self.evaluate(child, in: window)
                switch outcome.verdict {
                case .pass:
                    if passed == nil || Evaluation.isEarlier(outcome, than: passed!) { passed = outcome }
                case .fail: failed.append(outcome)
                case .na: break
                }
            }
            if let passed { return passed }
            if failed.isEmpty { return .na(children.isEmpty ? "nothing to check" : "no alternative applies") }
            return .fail(failed.map(\.reason).joined(separator: "; "), failed.flatMap(\.evidence))
        case .not(let child):
            var outcome = self.evaluate(child, in: window)
            switch outcome.verdict {
            case .pass: outcome.verdict = .fail
            case .fail: outcome.verdict = .pass
            case .na: break
            }
            return outcome
        case .phrases(let check): return self.evaluatePhrases(check, in: window)
        case .after(let check): return self.evaluateAfter(check, in: window)
        case .event(let check): return self.evaluateEvent(check, in: window)
        case .order(let check): return self.evaluateOrder(check)
        case .firstResponse(let check): return self.evaluateFirstResponse(check)
        case .elapsed(let check): return self.evaluateElapsed(check)
        case .repeatContact(let check): return self.evaluateRepeatContact(check)
        case .askedAgain(let check): return self.evaluateAskedAgain(check, in: window)
        case .tone(let check): return self.evaluateTone(check, in: window)
        case .drift(let check): return self.evaluateDrift(check, in: window)
        case .journeyDrift(let check): return self.evaluateJourneyDrift(check)
        case .style(let check): return self.evaluateStyle(check, in: window)
        case .frustration(let check): return self.evaluateFrustration(check, in: window)
        case .amount(let check): return self.evaluateAmount(check, in: window)
        case .escalation(let facet): return self.evaluateEscalation(facet)
        case .channel(let channels):
            let names = channels.sorted().map(\.rawValue).joined(separator: ", ")
            return channels.contains(self.interaction.channel)
                ? .pass("channel is \(self.interaction.channel.rawValue)")
                : .fail("channel is \(self.interaction.channel.rawValue), not \(names)")
        case .promises(let check): return self.evaluatePromises(check)
        case .handover(let check): return self.evaluateHandover(check)
        case .reference(let check): return self.evaluateReference(check, in: window)
        case .timeWindow(let check): return self.evaluateTimeWindow(check, in: window)
        case .botLoop(let check): return self.evaluateBotLoop(check)
        case .need(let minimum):
            guard let need = self.need else { return .na("escalation need is not known while the policy's triggers are evaluated") }
            let shown = "escalation need \(Evaluation.format(need * 100))/100"
            return need >= minimum ? .pass("\(shown), at least \(Evaluation.format(minimum * 100))") : .fail("\(shown), below \(Evaluation.format(minimum * 100))")
        }
    }

    static func isEarlier(_ a: Outcome, than b: Outcome) -> Bool {
        switch (a.time, b.time) {
        case (let x?, let y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return (a.message ?? .max) < (b.message ?? .max)
        }
    }

    // MARK: Helpers

    /// Indices of `speaker`'s messages inside `window`.
    func messages(of speaker: Speaker, in window: Window) -> [Int] {
        window.messages.filter { speaker.includes(self.interaction.messages[$0].role) }
    }

    /// Evidence quoting the bytes of a phrase hit.
    func evidence(for hit: PhraseHit, note: String? = nil) -> Evidence {
        let range = self.text.originalRange(of: Int(hit.start)..<Int(hit.end))
        return self.evidence(message: Int(hit.message), range: Int(range.lowerBound)..<Int(range.upperBound), note: note)
    }

    /// Evidence quoting a scalar range of a message.
    func evidence(message index: Int, range: Range<Int>, note: String? = nil) -> Evidence {
        let message = self.interaction.messages[index]
        return Evidence(message: index, speaker: message.role, start: range.lowerBound, end: range.upperBound, quote: Evaluation.quote(message.text, range), note: note)
    }

    /// Evidence pointing at a whole message: its span covers the message (so a highlight does not stop
    /// mid-word); the quote of a long message is shortened as every quote is.
    func evidence(message index: Int, note: String? = nil) -> Evidence {
        self.evidence(message: index, range: 0..<Int(self.text.stats[index].scalars), note: note)
    }

    /// Evidence pointing at an event.
    func evidence(event index: Int, note: String? = nil) -> Evidence {
        Evidence(event: index, eventKind: self.interaction.events[index].kind, note: note)
    }

    static func quote(_ text: String, _ range: Range<Int>) -> String {
        // Scalar offsets are byte offsets while the text is ASCII up to the quote's end (the usual case): slice
        // the bytes instead of walking the scalars.
        if range.count <= 160, let quoted = text.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard range.lowerBound >= 0, range.upperBound <= bytes.count,
                !bytes[..<range.upperBound].contains(where: { $0 >= 0x80 })
            else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }), let quoted {
            return quoted
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound, limitedBy: scalars.endIndex),
            let end = scalars.index(start, offsetBy: range.count, limitedBy: scalars.endIndex)
        else { return "" }
        let slice = scalars[start..<end]
        if slice.count <= 160 { return String(slice) }
        return String(slice.prefix(159)) + "…"
    }

    /// "greeting", "greeting or welcome" for reasons.
    func listNames(_ lists: [Int]) -> String {
        if lists.count == 1 { return self.listDisplayNames[lists[0]] }
        return lists.map { self.listDisplayNames[$0] }.joined(separator: " or ")
    }

    /// "a greeting", "an apology": the indefinite article a reason needs before a list name.
    static func indefinite(_ noun: String) -> String {
        guard let first = noun.unicodeScalars.first else { return noun }
        return ("aeiouAEIOU".unicodeScalars.contains(first) ? "an " : "a ") + noun
    }

    /// "message 3" (1-based, for people).
    static func ordinal(_ index: Int) -> String { "message \(index + 1)" }

    /// When message `index` was sent, if known.
    func time(ofMessage index: Int) -> Timestamp? { self.interaction.messages[index].at }

    static func describe(_ speaker: Speaker) -> String {
        switch speaker {
        case .agent: return "the agent"
        case .customer: return "the customer"
        case .bot: return "the bot"
        case .staff: return "the agent or bot"
        case .any: return "anyone"
        }
    }

    static func describe(_ scope: MessageScope, _ speaker: Speaker) -> String {
        // The common places as constants: every phrase check names its place in its reason.
        switch (scope, speaker) {
        case (.all, .agent): return "in any agent message"
        case (.all, .customer): return "in any customer message"
        case (.all, .staff): return "in any agent or bot message"
        case (.all, .any): return "in any message"
        case (.first(1), .agent): return "in the agent's first message"
        case (.last(1), .agent): return "in the agent's last message"
        default: break
        }
        let who: String
        switch speaker {
        case .agent: who = "agent"
        case .customer: who = "customer"
        case .bot: who = "bot"
        case .staff: who = "agent or bot"
        case .any: who = ""
        }
        let owner = who.isEmpty ? "" : "the \(who)'s "
        switch scope {
        case .all: return who.isEmpty ? "in any message" : "in any \(who) message"
        case .first(1): return "in \(owner)first message"
        case .first(let n): return "in \(owner)first \(n) messages"
        case .last(1): return "in \(owner)last message"
        case .last(let n): return "in \(owner)last \(n) messages"
        }
    }

    static func needsEntitiesForAllSpeakers(_ rubric: Rubric) -> Bool {
        var needed = false
        func visit(_ check: Check) {
            switch check {
            case .all(let children), .any(let children): children.forEach(visit)
            case .not(let child): visit(child)
            case .after(let a): visit(a.then)
            case .amount(let a): if a.speaker != .customer { needed = true }
            case .askedAgain: needed = true  // read-backs in agent messages are not questions
            case .promises, .reference: needed = true  // references the agent gives
            default: break
            }
        }
        for criterion in rubric.criteria {
            visit(criterion.check)
            if let applies = criterion.appliesWhen { visit(applies) }
        }
        if let scope = rubric.scope { visit(scope) }
        for trigger in rubric.escalationPolicy?.triggers ?? [] { visit(trigger.condition) }
        return needed
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
