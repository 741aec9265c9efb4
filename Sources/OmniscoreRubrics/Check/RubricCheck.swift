public import OmniscoreCore
public import OmniscoreInterchange

/// What `omniscore rubric check` measures: the rubric's own examples, agreement with a labelled golden set, and,
/// against a baseline version, which verdicts flip and how the means shift.
public struct RubricCheck: Sendable {
    /// The outcome of one embedded example.
    public struct ExampleResult: Sendable {
        public var criterion: String
        public var name: String
        public var expected: String
        public var actual: String
        public var reason: String
        public var location: String
        public var passed: Bool { self.expected == self.actual }
    }

    /// Agreement of one criterion with the human labels.
    public struct CriterionAgreement: Sendable {
        public var criterion: String
        public var statistics: AgreementStatistics
        /// Labelled items per (label, prediction) pair, for the confusion table.
        public var confusion: [String: Int]
        /// The F1 of the baseline rubric on the same labels, when a baseline was given.
        public var baselineF1: Double?
        public var baselineAccuracy: Double?
        /// Interactions where the rubric disagrees with the label.
        public var disagreements: [(interaction: String, label: Verdict, predicted: Verdict, reason: String)]
    }

    /// One verdict that changes between the baseline and this version.
    public struct Flip: Sendable, Hashable {
        public var interaction: String
        public var criterion: String
        public var before: String
        public var after: String
    }

    /// How a criterion's (or section's) mean moves between the baseline and this version.
    public struct Shift: Sendable, Hashable {
        public var id: String
        /// Pass rate among applicable interactions (criteria) or mean score (sections, total), 0-100.
        public var before: Double?
        public var after: Double?
        public var applicableBefore: Int
        public var applicableAfter: Int
        public var delta: Double? {
            guard let before, let after else { return nil }
            return after - before
        }
    }

    public var rubric: Scorecard.RubricReference
    public var baseline: Scorecard.RubricReference?
    public var examples: [ExampleResult]
    public var agreements: [CriterionAgreement]
    /// Labels whose scored / not-scored status (or reason) differs from the rubric's.
    public var statusMismatches: [(interaction: String, label: String, predicted: String)]
    public var labelled: Int
    public var missingInteractions: [String]
    /// Spearman's ρ of the tone measures against the human 1-5 ratings.
    public var politenessCorrelation: Double?
    public var frustrationCorrelation: Double?
    public var ratedInteractions: Int
    public var flips: [Flip]
    public var criterionShifts: [Shift]
    public var sectionShifts: [Shift]
    public var totalShift: Shift?
    public var minimumF1: Double?
    /// Contrastive pairs (the rubric's own and any given to the check).
    public var pairs: [PairResult] = []
    /// Figures against human ratings, when ratings were given.
    public var ratings: [RatingAgreement] = []
    /// Interactions with human ratings found among the interactions, and rated ids that were not.
    public var humanRated: Int = 0
    public var missingRated: [String] = []

    /// Reasons the check fails (exit status 1), empty when it passes.
    public var failures: [String] {
        var failures: [String] = []
        let failedExamples = self.examples.filter { !$0.passed }
        if !failedExamples.isEmpty {
            failures.append("\(failedExamples.count) of \(self.examples.count) rubric examples failed")
        }
        let brokenPairs = self.pairs.filter { !$0.passed }
        if !brokenPairs.isEmpty {
            failures.append("\(brokenPairs.count) of \(self.pairs.count) contrastive pairs broken")
        }
        if let minimum = self.minimumF1 {
            for agreement in self.agreements {
                if let f1 = agreement.statistics.f1, f1 < minimum {
                    failures.append("\(agreement.criterion): F1 \(RubricCheck.format(f1)) is below --min-f1 \(RubricCheck.format(minimum))")
                }
            }
        }
        for agreement in self.agreements {
            if let now = agreement.statistics.f1, let before = agreement.baselineF1, now < before - 1e-9 {
                failures.append("\(agreement.criterion): F1 fell from \(RubricCheck.format(before)) to \(RubricCheck.format(now)) against the baseline")
            } else if agreement.statistics.f1 == nil, let now = agreement.statistics.accuracy, let before = agreement.baselineAccuracy, now < before - 1e-9 {
                failures.append("\(agreement.criterion): agreement fell from \(RubricCheck.format(before * 100))% to \(RubricCheck.format(now * 100))% against the baseline")
            }
        }
        return failures
    }

    public var passed: Bool { self.failures.isEmpty }

    static func format(_ value: Double) -> String { JSONWriter.format(value) }

    /// Runs the check.
    ///
    /// - Parameters:
    ///   - rubric: the rubric under test.
    ///   - labels: human labels (may be empty).
    ///   - interactions: the labelled interactions (others are scored too, for journeys and shifts).
    ///   - baseline: the previous version of the rubric, to compare with.
    ///   - minimumF1: the lowest acceptable F1 (fail class) per criterion.
    ///   - pairs: contrastive pairs to run besides the rubric's own.
    ///   - ratings: human ratings of some of `interactions`, to measure the figures against.
    public static func run(rubric: Rubric, labels: [GoldenLabel], interactions: [Interaction], baseline: Rubric? = nil, minimumF1: Double? = nil, pairs extraPairs: [RubricPair] = [], ratings: [HumanRating] = []) throws(ScoringError) -> RubricCheck {
        let scorer = try Scorer(rubric: rubric)
        let baselineScorer = try baseline.map { rubric throws(ScoringError) in try Scorer(rubric: rubric) }
        let examples = self.runExamples(scorer)
        let pairResults = self.runPairs(rubric.pairs + extraPairs, with: scorer)
        let ordered = interactions.enumerated().sorted { ($0.element.startedAt, $0.offset) < ($1.element.startedAt, $1.offset) }.map(\.element)
        let cards = self.scoreAll(ordered, with: scorer)
        let baselineCards = baselineScorer.map { self.scoreAll(ordered, with: $0) }
        var byID: [String: Scorecard] = [:]
        for card in cards { byID[card.interactionID] = card }
        var baselineByID: [String: Scorecard] = [:]
        for card in baselineCards ?? [] { baselineByID[card.interactionID] = card }

        var mismatches: [(String, String, String)] = []
        var missing: [String] = []
        var politeness: [(Double, Double)] = []
        var frustration: [(Double, Double)] = []
        var pairsByCriterion: [String: [(Verdict, Verdict, String, String)]] = [:]
        var baselinePairs: [String: [(Verdict, Verdict)]] = [:]
        for label in labels {
            guard let card = byID[label.interactionID] else {
                missing.append(label.interactionID)
                continue
            }
            let labelStatus = label.notScored.map { "not_scored: \($0.rawValue)" } ?? "scored"
            let predictedStatus = card.notScoredReason.map { "not_scored: \($0.rawValue)" } ?? "scored"
            if labelStatus != predictedStatus { mismatches.append((label.interactionID, labelStatus, predictedStatus)) }
            if let tone = card.tone {
                if let human = label.agentPoliteness, let machine = tone.politeness { politeness.append((human, machine)) }
                if let human = label.customerFrustration, let machine = tone.frustration { frustration.append((human, machine)) }
            }
            guard label.notScored == nil, card.notScoredReason == nil else { continue }
            let baselineCriteria = baselineByID[label.interactionID].map { $0.notScoredReason == nil ? $0.criteria : [] } ?? []
            for (criterion, expected) in label.verdicts {
                guard let result = card.criteria.first(where: { $0.id == criterion }) else { continue }
                pairsByCriterion[criterion, default: []].append((expected, result.verdict, label.interactionID, result.reason))
                if let old = baselineCriteria.first(where: { $0.id == criterion }) {
                    baselinePairs[criterion, default: []].append((expected, old.verdict))
                }
            }
        }
        var agreements: [CriterionAgreement] = []
        for criterion in rubric.criteria {
            guard let pairs = pairsByCriterion[criterion.id], !pairs.isEmpty else { continue }
            let statistics = AgreementStatistics(pairs: pairs.map { (reference: $0.0, candidate: $0.1) }, positive: Verdict.fail)
            var confusion: [String: Int] = [:]
            for pair in pairs { confusion["\(pair.0.rawValue)->\(pair.1.rawValue)", default: 0] += 1 }
            let baselineStatistics = baselinePairs[criterion.id].map { AgreementStatistics(pairs: $0.map { (reference: $0.0, candidate: $0.1) }, positive: Verdict.fail) }
            agreements.append(CriterionAgreement(
                criterion: criterion.id,
                statistics: statistics,
                confusion: confusion,
                baselineF1: baselineStatistics?.f1,
                baselineAccuracy: baselineStatistics?.accuracy,
                disagreements: pairs.filter { $0.0 != $0.1 }.map { ($0.2, $0.0, $0.1, $0.3) }
            ))
        }
        var check = RubricCheck(
            rubric: Scorecard.RubricReference(id: rubric.id, version: rubric.version, sha256: rubric.sha256),
            baseline: baseline.map { Scorecard.RubricReference(id: $0.id, version: $0.version, sha256: $0.sha256) },
            examples: examples,
            agreements: agreements,
            statusMismatches: mismatches,
            labelled: labels.count,
            missingInteractions: missing,
            politenessCorrelation: RankCorrelation.spearman(politeness.map(\.0), politeness.map(\.1)),
            frustrationCorrelation: RankCorrelation.spearman(frustration.map(\.0), frustration.map(\.1)),
            ratedInteractions: max(politeness.count, frustration.count),
            flips: [],
            criterionShifts: [],
            sectionShifts: [],
            totalShift: nil,
            minimumF1: minimumF1
        )
        check.pairs = pairResults
        if !ratings.isEmpty {
            check.ratings = self.ratingAgreements(ratings, cards: byID, rubric: rubric)
            check.humanRated = ratings.filter { byID[$0.interactionID] != nil }.count
            check.missingRated = ratings.filter { byID[$0.interactionID] == nil }.map(\.interactionID)
        }
        if let baselineCards, let baseline {
            check.compare(cards, with: baselineCards, rubric: rubric, baseline: baseline)
        }
        return check
    }

    /// Scores interactions in order, each seeing the journey of the ones before it.
    static func scoreAll(_ interactions: [Interaction], with scorer: Scorer) -> [Scorecard] {
        var book = JourneyBook(window: scorer.journeyLookback)
        return interactions.map { interaction in
            let card = scorer.score(interaction, history: book.history(for: interaction.customerID, before: interaction.startedAt))
            book.record(card.journeyRecord)
            return card
        }
    }

    /// Runs every criterion's embedded examples.
    public static func runExamples(_ scorer: Scorer) -> [ExampleResult] {
        var results: [ExampleResult] = []
        for criterion in scorer.rubric.criteria {
            for example in criterion.examples {
                let history = example.history.sorted { $0.startedAt < $1.startedAt }.map { scorer.score($0).journeyRecord }
                let card = scorer.score(example.interaction, history: history)
                let expected = example.expected.description
                let actual: String
                let reason: String
                if let notScored = card.notScoredReason {
                    actual = "not-scored"
                    if case .notScored(_, let detail) = card.status { reason = "\(notScored.rawValue): \(detail)" } else { reason = notScored.rawValue }
                } else if let result = card.result(for: criterion.id) {
                    actual = result.verdict.rawValue
                    reason = result.reason
                } else {
                    actual = "missing"
                    reason = "no result for the criterion"
                }
                results.append(ExampleResult(criterion: criterion.id, name: example.name, expected: expected, actual: actual, reason: reason, location: example.location))
            }
        }
        return results
    }

    mutating func compare(_ cards: [Scorecard], with baselineCards: [Scorecard], rubric: Rubric, baseline: Rubric) {
        var old: [String: Scorecard] = [:]
        for card in baselineCards { old[card.interactionID] = card }
        for card in cards {
            guard let before = old[card.interactionID] else { continue }
            if card.isScored != before.isScored {
                self.flips.append(Flip(interaction: card.interactionID, criterion: "(status)", before: before.notScoredReason?.rawValue ?? "scored", after: card.notScoredReason?.rawValue ?? "scored"))
                continue
            }
            for result in card.criteria {
                guard let previous = before.result(for: result.id), previous.verdict != result.verdict else { continue }
                self.flips.append(Flip(interaction: card.interactionID, criterion: result.id, before: previous.verdict.rawValue, after: result.verdict.rawValue))
            }
        }
        var criterionIDs = baseline.criteria.map(\.id)
        for id in rubric.criteria.map(\.id) where !criterionIDs.contains(id) { criterionIDs.append(id) }
        func passRate(_ cards: [Scorecard], _ id: String) -> (Double?, Int) {
            let applicable = cards.compactMap { $0.result(for: id) }.filter { $0.verdict != .na }
            guard !applicable.isEmpty else { return (nil, 0) }
            return (100 * Double(applicable.filter { $0.verdict == .pass }.count) / Double(applicable.count), applicable.count)
        }
        for id in criterionIDs {
            let (before, nBefore) = passRate(baselineCards, id)
            let (after, nAfter) = passRate(cards, id)
            self.criterionShifts.append(Shift(id: id, before: before, after: after, applicableBefore: nBefore, applicableAfter: nAfter))
        }
        func meanSection(_ cards: [Scorecard], _ id: String) -> (Double?, Int) {
            let scores = cards.compactMap { card in card.sections.first { $0.id == id }?.score }
            guard !scores.isEmpty else { return (nil, 0) }
            return (scores.reduce(0, +) / Double(scores.count), scores.count)
        }
        var sectionIDs = baseline.sections.map(\.id)
        for id in rubric.sections.map(\.id) where !sectionIDs.contains(id) { sectionIDs.append(id) }
        for id in sectionIDs {
            let (before, nBefore) = meanSection(baselineCards, id)
            let (after, nAfter) = meanSection(cards, id)
            self.sectionShifts.append(Shift(id: id, before: before, after: after, applicableBefore: nBefore, applicableAfter: nAfter))
        }
        let totalsBefore = baselineCards.compactMap(\.total)
        let totalsAfter = cards.compactMap(\.total)
        self.totalShift = Shift(
            id: "total",
            before: totalsBefore.isEmpty ? nil : totalsBefore.reduce(0, +) / Double(totalsBefore.count),
            after: totalsAfter.isEmpty ? nil : totalsAfter.reduce(0, +) / Double(totalsAfter.count),
            applicableBefore: totalsBefore.count,
            applicableAfter: totalsAfter.count
        )
    }
}
