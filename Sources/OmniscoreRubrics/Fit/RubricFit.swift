public import OmniscoreCore
public import OmniscoreInterchange

/// `omniscore rubric fit`: learns the weights of the politeness, escalation-need and customer-outcome models from
/// human ratings, with regularised logistic regression (L2 towards the rubric's current weights), the penalty chosen
/// and the result measured by nested cross-validation, all deterministic.
public enum RubricFit {
    /// Which rating a model learns from.
    public struct Target: Sendable, Hashable {
        public var kind: SignalModel.Kind
        public var rating: String
        /// For a numeric rating: values at or above this are the positive class; `nil` for a yes/no rating.
        public var threshold: Double?

        public init(kind: SignalModel.Kind, rating: String, threshold: Double? = nil) {
            self.kind = kind
            self.rating = rating
            self.threshold = threshold
        }

        /// Parses `need=aggressive` or `outcome=csat>=4`.
        public init?(_ text: String) {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = SignalModel.Kind(rawValue: parts[0]) else { return nil }
            if let range = parts[1].firstRange(of: ">=") {
                guard let threshold = Double(parts[1][range.upperBound...]) else { return nil }
                self.init(kind: kind, rating: String(parts[1][..<range.lowerBound]), threshold: threshold)
            } else {
                self.init(kind: kind, rating: parts[1])
            }
        }
    }

    /// What one fit found.
    public struct Result: Sendable {
        public var target: Target
        public var count: Int
        public var positives: Int
        /// ROC-AUC of the rubric's current weights on all rated interactions.
        public var before: Double?
        /// ROC-AUC of held-out predictions: each fold predicted by a model fitted (with its penalty chosen) on the
        /// other folds only.
        public var crossValidated: Double?
        /// ROC-AUC of the fitted model on all the data it was fitted on (optimistic; for reference).
        public var inSample: Double?
        /// The penalty chosen on all the data.
        public var lambda: Double
        public var model: SignalModel
    }

    static let lambdas = [0.0001, 0.001, 0.01, 0.1, 1.0]
    static let politenessLambda = 0.01

    /// Fits every target.
    ///
    /// - Parameters:
    ///   - rubric: the rubric whose models are the starting point and the prior.
    ///   - interactions: the rated interactions (and others, for journeys).
    ///   - ratings: human ratings.
    ///   - targets: which model learns from which rating.
    ///   - folds: cross-validation folds.
    public static func run(rubric: Rubric, interactions: [Interaction], ratings: [HumanRating], targets: [Target], folds: Int = 5) throws(ScoringError) -> [Result] {
        try self.run(rubric: rubric, interactions: interactions, ratings: ratings, targets: targets, folds: folds, table: nil)
    }

    /// As `run`, also collecting the feature table: one CSV row per rated interaction (id, target label, features).
    public static func run(rubric: Rubric, interactions: [Interaction], ratings: [HumanRating], targets: [Target], folds: Int = 5, table: ((String) -> Void)?) throws(ScoringError) -> [Result] {
        let scorer = try Scorer(rubric: rubric)
        let ordered = interactions.enumerated().sorted { ($0.element.startedAt, $0.offset) < ($1.element.startedAt, $1.offset) }.map(\.element)
        var book = JourneyBook(window: scorer.journeyLookback)
        var features: [String: SignalFeatures] = [:]
        for interaction in ordered {
            let history = book.history(for: interaction.customerID, before: interaction.startedAt)
            let card = scorer.score(interaction, history: history)
            book.record(card.journeyRecord)
            // Scored interactions only: a not-scored one has no figures to calibrate.
            if card.isScored { features[interaction.id] = scorer.signalFeatures(interaction, history: history) }
        }
        return targets.map { target in
            var rows: [SignalFeatures] = []
            var labels: [Bool] = []
            if let table, target.kind != .politeness {
                table((["model", "id", target.rating] + target.kind.features).joined(separator: ","))
            }
            for rating in ratings {
                guard let value = rating.value(target.rating), let row = features[rating.interactionID] else { continue }
                switch value {
                case .flag(let flag): labels.append(flag)
                case .number(let number): labels.append(number >= (target.threshold ?? 0.5))
                }
                rows.append(row)
                if let table, target.kind != .politeness {
                    let values = target.kind == .need ? row.need : row.outcome
                    table(([target.kind.rawValue, "\"\(rating.interactionID)\"", labels.last! ? "1" : "0"] + values.map { String($0) }).joined(separator: ","))
                }
            }
            return Self.fit(target, rows: rows, labels: labels, prior: rubric.signals[target.kind], folds: folds)
        }
    }

    static func fit(_ target: Target, rows: [SignalFeatures], labels: [Bool], prior: SignalModel, folds: Int) -> Result {
        let positives = labels.filter { $0 }.count
        func predict(_ model: SignalModel, _ row: SignalFeatures) -> Double {
            switch target.kind {
            case .politeness: return PolitenessFit.predict(row.politeness, model: model) ?? 0.5
            case .need: return model.probability(row.need)
            case .outcome: return model.probability(row.outcome)
            }
        }
        func train(_ indices: [Int], lambda: Double) -> SignalModel {
            switch target.kind {
            case .politeness:
                return PolitenessFit(interactions: indices.map { rows[$0].politeness }, labels: indices.map { labels[$0] }).fit(from: prior, lambda: lambda)
            case .need, .outcome:
                let x = indices.map { target.kind == .need ? rows[$0].need : rows[$0].outcome }
                let fitted = LogisticRegression.fit(rows: x, labels: indices.map { labels[$0] }, prior: prior.weights, priorBias: prior.bias, lambda: lambda)
                var model = prior
                model.bias = fitted.bias
                model.weights = fitted.weights
                return model
            }
        }
        func auc(_ scores: [Double], _ truth: [Bool]) -> Double? {
            RankedSample(scores).auc(labels: truth, weights: [Int](repeating: 1, count: scores.count))
        }
        /// The penalty with the best cross-validated AUC on `indices`. The politeness model, fitted by gradient
        /// descent through the blend, keeps one moderate penalty: searching would cost minutes for little.
        func chooseLambda(_ indices: [Int]) -> Double {
            if target.kind == .politeness { return Self.politenessLambda }
            let split = Self.folds(indices, count: max(2, folds - 1), seed: 11)
            var best = (lambda: Self.lambdas.last!, score: -1.0)
            for lambda in Self.lambdas.reversed() {
                var scores = [Double](repeating: 0, count: rows.count)
                for fold in split {
                    let model = train(indices.filter { !fold.contains($0) }, lambda: lambda)
                    for i in fold { scores[i] = predict(model, rows[i]) }
                }
                let score = auc(indices.map { scores[$0] }, indices.map { labels[$0] }) ?? 0
                if score > best.score + 1e-9 { best = (lambda, score) }
            }
            return best.lambda
        }
        let all = Array(rows.indices)
        let before = auc(all.map { predict(prior, rows[$0]) }, labels)
        guard positives > 0, positives < labels.count, rows.count >= folds * 2 else {
            return Result(target: target, count: rows.count, positives: positives, before: before, crossValidated: nil, inSample: nil, lambda: 0, model: prior)
        }
        // Nested cross-validation: every held-out prediction comes from a model whose penalty was chosen without it.
        var held = [Double](repeating: 0, count: rows.count)
        for fold in Self.folds(all, count: folds, seed: 7) {
            let training = all.filter { !fold.contains($0) }
            let model = train(training, lambda: chooseLambda(training))
            for i in fold { held[i] = predict(model, rows[i]) }
        }
        let lambda = chooseLambda(all)
        let model = train(all, lambda: lambda)
        return Result(
            target: target, count: rows.count, positives: positives, before: before,
            crossValidated: auc(held, labels), inSample: auc(all.map { predict(model, rows[$0]) }, labels), lambda: lambda, model: model
        )
    }

    /// `count` folds of `indices`, after a seeded shuffle.
    static func folds(_ indices: [Int], count: Int, seed: UInt64) -> [Set<Int>] {
        var generator = SplitMix64(seed: seed)
        var shuffled = indices
        if shuffled.count > 1 {
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                shuffled.swapAt(i, Int(generator.next() % UInt64(i + 1)))
            }
        }
        var result = [Set<Int>](repeating: [], count: count)
        for (position, index) in shuffled.enumerated() { result[position % count].insert(index) }
        return result
    }
}
