/// A logistic model over named features with explicit weights: the per-message politeness of the tone model and the
/// interaction-level `escalation.need` and `customer.outcome` figures.
///
/// Every figure is `logistic(bias + scale × Σ weight × feature)`. The defaults below are general, hand-set values
/// (not fitted to any one data set); a rubric may replace any of them in its `<signals>` element, and
/// `omniscore rubric fit` writes fitted weights there, so the numbers behind a figure are always in the rubric.
public struct SignalModel: Sendable, Hashable {
    /// Which figure the model computes; each has its own fixed list of features.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Per agent or bot message, 0-1.
        case politeness
        /// Per interaction: how strongly it called for escalation, 0-1.
        case need
        /// Per interaction: how satisfied the customer is likely to be at the end, 0-1.
        case outcome

        /// The features, in the order of `SignalModel.weights`.
        public var features: [String] {
            switch self {
            case .politeness: return SignalModel.politenessFeatures
            case .need: return SignalModel.needFeatures
            case .outcome: return SignalModel.outcomeFeatures
            }
        }
    }

    public var kind: Kind
    public var bias: Double
    /// Multiplies the weighted sum; kept at 1.1 for politeness so the defaults read in the tone lexicon's units.
    public var scale: Double
    /// One weight per feature of `kind`, in order.
    public var weights: [Double]

    public init(kind: Kind, bias: Double, scale: Double = 1, weights: [Double]) {
        precondition(weights.count == kind.features.count, "one weight per feature")
        self.kind = kind
        self.bias = bias
        self.scale = scale
        self.weights = weights
    }

    /// The weight of `feature`, if the model has that feature.
    public func weight(_ feature: String) -> Double? {
        self.kind.features.firstIndex(of: feature).map { self.weights[$0] }
    }

    /// Sets the weight of `feature`; returns false when the model has no such feature.
    @discardableResult
    public mutating func setWeight(_ feature: String, to value: Double) -> Bool {
        guard let index = self.kind.features.firstIndex(of: feature) else { return false }
        self.weights[index] = value
        return true
    }

    /// The linear part, `bias + scale × w·x`.
    public func logit(_ features: [Double]) -> Double {
        var sum = 0.0
        for index in 0..<min(features.count, self.weights.count) { sum += self.weights[index] * features[index] }
        return self.bias + self.scale * sum
    }

    /// The figure, 0-1.
    public func probability(_ features: [Double]) -> Double {
        ToneAnalysis.logistic(self.logit(features))
    }

    /// The logistic function the models use (the core's own, identical on every platform).
    public static func logistic(_ x: Double) -> Double { ToneAnalysis.logistic(x) }

    /// Interaction politeness from per-message politeness: 0.6 × mean + 0.4 × the least polite message.
    public static func blend(_ values: [Double]) -> Double? {
        guard let least = values.min() else { return nil }
        return 0.6 * values.reduce(0, +) / Double(values.count) + 0.4 * least
    }

    // MARK: Defaults

    /// Politeness features: the built-in tone categories with a politeness weight, then the message-level ones.
    static let politenessCategories: [ToneLexicon.Category] = ToneLexicon.Category.allCases.filter { ToneLexicon.politenessWeight($0) != 0 }
    static let politenessExtras = ["sentiment", "banned", "avoided", "preferred", "shouting", "curt"]
    static let politenessFeatures: [String] = politenessCategories.map(\.featureName) + politenessExtras

    static let needFeatures = [
        "trigger", "annoyance-peak", "annoyance-mean", "annoyance-end", "hostility", "human-request", "impatience",
        "repetition", "distress", "refusals", "repeat-contact",
    ]

    static let outcomeFeatures = [
        "resolved", "next-step", "thanks-at-end", "frustration-end", "frustration-peak", "refusal-at-end", "asked-again",
        "repeat-contact", "escalation-mistake", "politeness",
    ]

    /// The general defaults.
    public static func defaults(_ kind: Kind) -> SignalModel {
        switch kind {
        case .politeness:
            var weights = politenessCategories.map { ToneLexicon.politenessWeight($0) }
            weights += [0.6, -1.8, -0.6, 0.2, -1.2, -0.6]
            // A purely informational message sits a little below the middle: warmth has to be shown.
            return SignalModel(kind: .politeness, bias: -0.3, scale: 1.1, weights: weights)
        case .need:
            // A fired policy trigger alone makes escalation likely needed; on top of it, and without one, annoyance that
            // runs through the conversation (its mean more than a single peak), hostility, asking for someone else,
            // pressing for speed and the company's refusals raise the need. A calm message reads about 0.29
            // annoyance, so a calm conversation lands near 0.07 and a calm one with a trigger near 0.5.
            return SignalModel(kind: .need, bias: -4.8, weights: [3.0, 1.2, 5.5, 0.5, 1.2, 1.0, 0.8, 0.4, 0.3, 1.5, 1.0])
        case .outcome:
            // The end state decides: resolved or a committed next step, thanks at the end; anger at the end,
            // a refusal as the last word, having to repeat oneself and escalation mistakes pull it down.
            return SignalModel(kind: .outcome, bias: 0.1, weights: [1.3, 0.8, 1.1, -2.4, -0.6, -1.2, -0.7, -0.6, -1.0, 0.8])
        }
    }
}

/// The three models a rubric uses; each defaults to `SignalModel.defaults`.
public struct SignalModels: Sendable, Hashable {
    public var politeness: SignalModel
    public var need: SignalModel
    public var outcome: SignalModel

    public init(politeness: SignalModel = .defaults(.politeness), need: SignalModel = .defaults(.need), outcome: SignalModel = .defaults(.outcome)) {
        self.politeness = politeness
        self.need = need
        self.outcome = outcome
    }

    public subscript(kind: SignalModel.Kind) -> SignalModel {
        get {
            switch kind {
            case .politeness: return self.politeness
            case .need: return self.need
            case .outcome: return self.outcome
            }
        }
        set {
            switch kind {
            case .politeness: self.politeness = newValue
            case .need: self.need = newValue
            case .outcome: self.outcome = newValue
            }
        }
    }
}

extension ToneLexicon.Category {
    /// The category as a feature name: `escalationRequest` -> `escalation-request`.
    var featureName: String {
        var result = ""
        for character in "\(self)" {
            if character.isUppercase {
                result += "-" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
