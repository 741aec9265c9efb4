/// Scores interactions against one rubric: pure, deterministic, no I/O.
///
/// Compiling a scorer builds one phrase matcher for all the rubric's phrases and the built-in tone lexicons;
/// scoring an interaction normalises its text once, scans it once, and evaluates every criterion over the hits.
///
/// ```swift
/// let scorer = try Scorer(rubric: rubric)
/// let scorecard = scorer.score(interaction, history: book.history(for: interaction.customerID, before: interaction.startedAt))
/// ```
public struct Scorer: Sendable {
    public let rubric: Rubric
    let book: PhraseBook
    /// Index of the first built-in tone list in the phrase book; rubric lists come first.
    let lexiconBase: Int
    /// Phrase list ids as reasons name them ("greeting-words" -> "greeting words").
    let listDisplayNames: [String]
    /// Whether a check reads entities in agent messages too (worked out once, not per interaction).
    let needsEntitiesForAllSpeakers: Bool
    /// Phrase lists that mark information the customer gave in words, from the rubric's asked-again checks.
    let givenLists: [(info: InfoKind, lists: [Int])]
    /// Per criterion in document order: its check is an asked-again check, whose failure the customer outcome
    /// counts.
    let askedAgainCriteria: [Bool]
    /// Per criterion in document order: it reads the escalation outcome, so it is judged on a bot-only
    /// conversation.
    let escalationCriteria: [Bool]

    /// Compiles `rubric`.
    ///
    /// - Throws: `ScoringError` when a phrase does not compile or a check refers to a list that does not exist.
    public init(rubric: Rubric) throws(ScoringError) {
        self.rubric = rubric
        self.lexiconBase = rubric.phraseLists.count
        self.needsEntitiesForAllSpeakers = Evaluation.needsEntitiesForAllSpeakers(rubric)
        var given: [(info: InfoKind, lists: [Int])] = []
        var askedAgain: [Bool] = []
        var escalation: [Bool] = []
        for criterion in rubric.criteria {
            var asks = false
            var escalates = false
            criterion.check.visit { check in
                switch check {
                case .askedAgain(let a):
                    asks = true
                    for item in a.items where !item.given.isEmpty { given.append((item.info, item.given)) }
                case .escalation: escalates = true
                default: break
                }
            }
            askedAgain.append(asks)
            escalation.append(escalates)
        }
        self.givenLists = given
        self.askedAgainCriteria = askedAgain
        self.escalationCriteria = escalation
        self.listDisplayNames = rubric.phraseLists.map(\.id.replacingHyphens)
        var lists = rubric.phraseLists.map(\.phrases)
        for category in ToneLexicon.Category.allCases {
            lists.append(ToneLexicon.phrases(category).map { Phrase($0) })
        }
        do {
            self.book = try PhraseBook(lists: lists)
        } catch {
            let name = error.list < rubric.phraseLists.count
                ? "phrase list \"\(rubric.phraseLists[error.list].id)\""
                : "built-in tone lexicon \(ToneLexicon.Category.allCases[error.list - rubric.phraseLists.count])"
            throw ScoringError(code: .invalidPhrase, message: "\(name), phrase \(error.phrase + 1): \(error.error.message)")
        }
        if let bad = Scorer.firstUnknownList(in: rubric) {
            throw ScoringError(code: .unknownPhraseList, message: "a check refers to phrase list #\(bad), which does not exist")
        }
    }

    /// The longest look-back of the rubric's journey checks: how much history callers should supply.
    public var journeyLookback: Duration { self.rubric.journeyWindow }

    /// Scores one interaction.
    ///
    /// - Parameters:
    ///   - interaction: the interaction to score.
    ///   - history: earlier interactions of the same customer (any channel), for journey checks.
    /// - Returns: a scorecard pinned to this rubric version; never throws: what cannot be scored says why.
    public func score(_ interaction: Interaction, history: [JourneyRecord] = []) -> Scorecard {
        let text = InteractionText(messages: interaction.messages)
        let hits = self.book.hits(in: text)
        let tone = ToneAnalysis(interaction: interaction, text: text, hits: hits, voice: self.rubric.voice, lexiconBase: self.lexiconBase, politenessModel: self.rubric.signals.politeness)
        let evaluation = Evaluation(scorer: self, interaction: interaction, text: text, hits: hits, tone: tone, history: history)
        let language = interaction.language?.lowercased() ?? LanguageDetector.detect(counts: text.stopWordCounts)
        var card = Scorecard(
            interactionID: interaction.id,
            agentID: interaction.agentID,
            customerID: interaction.customerID,
            team: interaction.team,
            channel: interaction.channel,
            startedAt: interaction.startedAt,
            rubric: Scorecard.RubricReference(id: self.rubric.id, version: self.rubric.version, sha256: self.rubric.sha256),
            status: .scored,
            language: language,
            total: nil,
            isAutoFailed: false,
            isPassed: false,
            sections: [],
            criteria: [],
            tone: nil,
            escalation: nil,
            journeyRecord: evaluation.record
        )
        card.escalationNeed = evaluation.need.map { $0 * 100 }
        let botOnly: Bool
        switch self.notScored(interaction, text: text, language: language, evaluation: evaluation) {
        case .notScored(let reason, let detail):
            card.status = .notScored(reason, detail: detail)
            return card
        case .botOnly: botOnly = true
        case .scored: botOnly = false
        }
        card.escalation = evaluation.escalation
        card.tone = evaluation.toneSummary()
        var position = 0
        var askedAgain = false
        for section in self.rubric.sections {
            for criterion in section.criteria {
                let result: CriterionResult
                if botOnly && !self.escalationCriteria[position] {
                    result = Evaluation.notApplicable(criterion, in: section, reason: "does not apply: only a bot answered, so only its escalation is judged")
                } else {
                    result = evaluation.evaluate(criterion, in: section)
                }
                if self.askedAgainCriteria[position] && result.verdict == .fail { askedAgain = true }
                card.criteria.append(result)
                position += 1
            }
        }
        card.customer = evaluation.customerSignals(askedAgain: askedAgain)
        self.total(&card)
        return card
    }

    /// The features the signal models read for one interaction, for `omniscore rubric fit`.
    public func signalFeatures(_ interaction: Interaction, history: [JourneyRecord] = []) -> SignalFeatures {
        let text = InteractionText(messages: interaction.messages)
        let hits = self.book.hits(in: text)
        let tone = ToneAnalysis(interaction: interaction, text: text, hits: hits, voice: self.rubric.voice, lexiconBase: self.lexiconBase, politenessModel: self.rubric.signals.politeness)
        let evaluation = Evaluation(scorer: self, interaction: interaction, text: text, hits: hits, tone: tone, history: history)
        var askedAgain = false
        var position = 0
        for section in self.rubric.sections {
            for criterion in section.criteria {
                if self.askedAgainCriteria[position], evaluation.evaluate(criterion, in: section).verdict == .fail { askedAgain = true }
                position += 1
            }
        }
        return evaluation.signalFeatures(askedAgain: askedAgain)
    }

    /// Whether an interaction is scored, scored as a bot-only conversation, or not scored and why.
    private enum Decision {
        case scored
        case botOnly
        case notScored(NotScoredReason, String)
    }

    /// The first reason, in a fixed order, why the interaction cannot be scored.
    private func notScored(_ interaction: Interaction, text: InteractionText, language: String?, evaluation: Evaluation) -> Decision {
        let words = text.stats.reduce(0) { $0 + Int($1.words) }
        let hasText = zip(interaction.messages, text.stats).contains { $1.words > 0 || $1.emoji > 0 || !$0.text.allSatisfy(\.isWhitespace) }
        if interaction.messages.isEmpty || !hasText {
            return .notScored(.empty, interaction.messages.isEmpty ? "the interaction has no messages" : "no message has any text")
        }
        let agent = interaction.messages.indices.filter { interaction.messages[$0].role == .agent && text.stats[$0].scalars > 0 }
        var botOnly = false
        if agent.isEmpty {
            let bot = interaction.messages.contains { $0.role == .bot }
            // A bot that should have handed over and never did is the one bot-only conversation worth scoring: its
            // escalation is judged, nothing else.
            if bot, let outcome = evaluation.escalation, outcome.kind == .missed, outcome.fired.contains(where: \.isHandoff), self.escalationCriteria.contains(true) {
                botOnly = true
            } else {
                return .notScored(.noAgentMessage, bot ? "only a bot answered; no human agent message" : "no agent message")
            }
        }
        if !agent.isEmpty && agent.allSatisfy({ evaluation.tone.count(.autoReply, in: $0) > 0 }) {
            return .notScored(.automatedOnly, "every agent message is an automated acknowledgement (\(agent.count) message(s)); no agent behaviour to judge")
        }
        if !self.rubric.channels.contains(interaction.channel) {
            return .notScored(.unsupportedChannel, "the rubric does not cover the \(interaction.channel.rawValue) channel")
        }
        if !self.rubric.languages.isEmpty, let language, !self.rubric.languages.contains(language) {
            let source = interaction.language == nil ? "detected" : "given"
            return .notScored(.languageNotCovered, "language \(language) (\(source)) is not one the rubric covers (\(self.rubric.languages.joined(separator: ", ")))")
        }
        if botOnly { return .botOnly }
        if agent.count < self.rubric.scoring.minimumAgentMessages || words < self.rubric.scoring.minimumWords {
            return .notScored(.tooShort, "\(agent.count) agent message(s) and \(words) word(s); the rubric needs \(self.rubric.scoring.minimumAgentMessages) and \(self.rubric.scoring.minimumWords)")
        }
        // Pleasantries only ("Thanks!" "You're welcome, have a nice day!"): nobody asked or answered anything, so
        // there is no agent behaviour to judge either way.
        if self.rubric.scoring.skipsPleasantries && words <= 40 && interaction.events.isEmpty,
            interaction.messages.indices.allSatisfy({ text.words(ofMessage: $0).allSatisfy { ToneLexicon.pleasantryWords.contains(String($0)) } })
        {
            return .notScored(.tooShort, "only pleasantries were exchanged (\(words) word(s)): too short to show any agent behaviour")
        }
        if let scope = self.rubric.scope {
            let outcome = evaluation.evaluate(scope, in: evaluation.fullWindow)
            if outcome.verdict != .pass {
                let what = self.rubric.scopeDescription.isEmpty ? "" : " (\(self.rubric.scopeDescription))"
                return .notScored(.outOfScope, "outside the rubric's scope\(what): \(outcome.reason)")
            }
        }
        return .scored
    }

    /// Section scores, the total, auto-fail and pass.
    ///
    /// A section scores earned points over the points of its applicable criteria; N/A criteria leave the
    /// denominator, so the rest is rescaled to 100. Bonus points count when earned but never in the denominator,
    /// and a section never exceeds 100. With section weights the total is their weighted mean over sections that
    /// have an applicable criterion; without, it is points-based across all sections.
    private func total(_ card: inout Scorecard) {
        var earnedAll = 0.0
        var maximumAll = 0.0
        var weighted = 0.0
        var weights = 0.0
        let useWeights = self.rubric.sections.contains { $0.weight != nil }
        for section in self.rubric.sections {
            let results = card.criteria.filter { $0.section == section.id }
            let earned = results.reduce(0) { $0 + $1.points }
            let maximum = results.reduce(0) { $0 + $1.maximum }
            let score: Double? = maximum > 0 ? min(100, 100 * earned / maximum) : nil
            card.sections.append(SectionScore(id: section.id, score: score, points: earned, maximum: maximum))
            earnedAll += earned
            maximumAll += maximum
            if let score {
                let weight = section.weight ?? 0
                weighted += weight * score
                weights += weight
            }
        }
        let total: Double?
        if useWeights {
            total = weights > 0 ? weighted / weights : nil
        } else {
            total = maximumAll > 0 ? min(100, 100 * earnedAll / maximumAll) : nil
        }
        guard let total else {
            card.status = .notScored(.nothingApplicable, detail: "every criterion was N/A for this interaction")
            card.sections = []
            return
        }
        card.isAutoFailed = card.criteria.contains { $0.isCritical && $0.verdict == .fail }
        card.total = card.isAutoFailed ? self.rubric.scoring.autoFailScore : total
        card.isPassed = card.total! >= self.rubric.scoring.passMark && !card.isAutoFailed
    }

    private static func firstUnknownList(in rubric: Rubric) -> Int? {
        var bad: Int? = nil
        let count = rubric.phraseLists.count
        func visit(_ check: Check) {
            switch check {
            case .all(let children), .any(let children): children.forEach(visit)
            case .not(let child): visit(child)
            case .phrases(let p): if let l = p.lists.first(where: { $0 < 0 || $0 >= count }) { bad = l }
            case .after(let a):
                if case .phrases(let lists, _) = a.trigger, let l = lists.first(where: { $0 < 0 || $0 >= count }) { bad = l }
                visit(a.then)
            case .order(let o):
                for step in o.first + o.then {
                    if case .phrases(let lists, _) = step, let l = lists.first(where: { $0 < 0 || $0 >= count }) { bad = l }
                }
            case .askedAgain(let a):
                for item in a.items { if let l = (item.asks + item.given).first(where: { $0 < 0 || $0 >= count }) { bad = l } }
            case .promises(let p):
                for kind in p.kinds { if let l = kind.lists.first(where: { $0 < 0 || $0 >= count }) { bad = l } }
            case .handover(let h):
                if let l = (h.summaryLists + h.restartLists).first(where: { $0 < 0 || $0 >= count }) { bad = l }
            case .amount(let a):
                if let l = a.context.first(where: { $0 < 0 || $0 >= count }) { bad = l }
            case .elapsed(let e):
                for anchor in [e.from, e.to] {
                    if case .phrases(let lists, _) = anchor, let l = lists.first(where: { $0 < 0 || $0 >= count }) { bad = l }
                }
            default: break
            }
        }
        for criterion in rubric.criteria {
            visit(criterion.check)
            if let applies = criterion.appliesWhen { visit(applies) }
        }
        if let scope = rubric.scope { visit(scope) }
        for trigger in rubric.escalationPolicy?.triggers ?? [] { visit(trigger.condition) }
        let voice = rubric.voice
        if let l = (voice.empathy + voice.banned + voice.avoided + voice.preferred + voice.frustration).first(where: { $0 < 0 || $0 >= count }) {
            bad = l
        }
        return bad
    }
}
