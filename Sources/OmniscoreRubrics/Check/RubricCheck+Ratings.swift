import OmniscoreCore
public import OmniscoreInterchange

extension RubricCheck {
    /// How one figure of the scorecard agrees with one human rating.
    public struct RatingAgreement: Sendable {
        public var rating: String
        public var figure: String
        /// Rated interactions that have the figure.
        public var count: Int
        /// A yes/no rating: ROC-AUC (the figure ranking "yes" above "no") and agreement at the figure's threshold.
        public var isBinary: Bool
        public var positives: Int
        public var auc: Double?
        public var aucInterval: (low: Double, high: Double)?
        /// A numeric rating: Spearman's ρ.
        public var spearman: Double?
        public var spearmanInterval: (low: Double, high: Double)?
        /// Yes/no ratings: the share where "figure at or above its threshold" matches the rating.
        public var agreement: Double?
        public var agreementInterval: (low: Double, high: Double)?
        public var threshold: Double
    }

    /// A figure of a scorecard that ratings are compared with.
    struct Figure {
        var name: String
        var threshold: Double
        var value: (Scorecard) -> Double?
    }

    /// The figures of `rubric`'s scorecards: the total, each section, the tone measures, the customer signals and
    /// the escalation need, all on 0-100.
    static func figures(_ rubric: Rubric) -> [Figure] {
        var figures = [Figure(name: "total", threshold: rubric.scoring.passMark) { $0.total }]
        for section in rubric.sections {
            figures.append(Figure(name: "section.\(section.id)", threshold: rubric.scoring.passMark) { card in card.sections.first { $0.id == section.id }?.score })
        }
        figures += [
            Figure(name: "tone.score", threshold: 50) { $0.tone?.score },
            Figure(name: "tone.politeness", threshold: 50) { $0.tone?.politeness },
            Figure(name: "tone.frustration", threshold: 50) { $0.tone?.frustration },
            Figure(name: "customer.frustration.start", threshold: 50) { $0.customer?.frustrationStart },
            Figure(name: "customer.frustration.peak", threshold: 50) { $0.customer?.frustrationPeak },
            Figure(name: "customer.frustration.end", threshold: 50) { $0.customer?.frustrationEnd },
            Figure(name: "customer.outcome", threshold: 50) { $0.customer?.outcome },
            Figure(name: "escalation.need", threshold: (rubric.escalationPolicy?.needThreshold ?? 0.5) * 100) { $0.escalationNeed },
        ]
        return figures
    }

    /// Every figure against every rating, with 95 % bootstrap intervals (1,000 resamples, fixed seed).
    static func ratingAgreements(_ ratings: [HumanRating], cards: [String: Scorecard], rubric: Rubric) -> [RatingAgreement] {
        var names: [String] = []
        for rating in ratings { for (name, _) in rating.values where !names.contains(name) { names.append(name) } }
        var results: [RatingAgreement] = []
        for name in names {
            let rated = ratings.compactMap { rating -> (Scorecard, HumanRating.Value)? in
                guard let value = rating.value(name), let card = cards[rating.interactionID] else { return nil }
                return (card, value)
            }
            let isBinary = rated.allSatisfy { if case .flag = $0.1 { return true } else { return false } }
            for figure in Self.figures(rubric) {
                let pairs = rated.compactMap { card, value in figure.value(card).map { ($0, value.number) } }
                guard pairs.count >= 3 else { continue }
                let scores = RankedSample(pairs.map(\.0))
                let ones = [Int](repeating: 1, count: pairs.count)
                var result = RatingAgreement(rating: name, figure: figure.name, count: pairs.count, isBinary: isBinary, positives: 0, threshold: figure.threshold)
                if isBinary {
                    let labels = pairs.map { $0.1 == 1 }
                    result.positives = labels.filter { $0 }.count
                    result.auc = scores.auc(labels: labels, weights: ones)
                    result.aucInterval = Bootstrap.interval(count: pairs.count) { scores.auc(labels: labels, weights: $0) }
                    let matches = pairs.map { ($0.0 >= figure.threshold) == ($0.1 == 1) }
                    func share(_ weights: [Int]) -> Double? {
                        var n = 0
                        var hit = 0
                        for (k, w) in weights.enumerated() where w > 0 {
                            n += w
                            if matches[k] { hit += w }
                        }
                        return n == 0 ? nil : Double(hit) / Double(n)
                    }
                    result.agreement = share(ones)
                    result.agreementInterval = Bootstrap.interval(count: pairs.count) { share($0) }
                } else {
                    let human = RankedSample(pairs.map(\.1))
                    result.spearman = RankedSample.spearman(scores, human, weights: ones)
                    result.spearmanInterval = Bootstrap.interval(count: pairs.count) { RankedSample.spearman(scores, human, weights: $0) }
                }
                results.append(result)
            }
        }
        return results
    }
}
