/// Agreement between two raters of the same items (automatic verdicts against human labels, or reviewer against
/// reviewer): per-class precision, recall and F1, accuracy, and Cohen's κ.
public struct AgreementStatistics: Sendable, Hashable {
    /// How many items both raters rated.
    public var count: Int
    /// Items where they agree.
    public var agreements: Int
    /// Items the reference calls `positive` and the candidate calls `positive`, and so on.
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int
    /// Cohen's κ over all classes; `nil` when it is undefined (fewer than two items, or chance agreement of 1).
    public var kappa: Double?

    /// - Parameters:
    ///   - pairs: (reference, candidate) ratings of the same items.
    ///   - positive: the class that precision, recall and F1 are about (for verdicts: `fail`, the finding).
    public init<Label: Hashable>(pairs: [(reference: Label, candidate: Label)], positive: Label) {
        self.count = pairs.count
        self.agreements = pairs.filter { $0.reference == $0.candidate }.count
        self.truePositives = pairs.filter { $0.reference == positive && $0.candidate == positive }.count
        self.falsePositives = pairs.filter { $0.reference != positive && $0.candidate == positive }.count
        self.falseNegatives = pairs.filter { $0.reference == positive && $0.candidate != positive }.count
        self.kappa = AgreementStatistics.cohensKappa(pairs)
    }

    /// Share of items with the same rating.
    public var accuracy: Double? { self.count == 0 ? nil : Double(self.agreements) / Double(self.count) }

    /// Of the candidate's positives, the share the reference agrees with; `nil` when the candidate found none.
    public var precision: Double? {
        let predicted = self.truePositives + self.falsePositives
        return predicted == 0 ? nil : Double(self.truePositives) / Double(predicted)
    }

    /// Of the reference's positives, the share the candidate found; `nil` when the reference has none.
    public var recall: Double? {
        let actual = self.truePositives + self.falseNegatives
        return actual == 0 ? nil : Double(self.truePositives) / Double(actual)
    }

    /// Harmonic mean of precision and recall. When neither rater has a positive, F1 is undefined (`nil`): there
    /// was nothing to find. When one has positives and the other none, F1 is 0.
    public var f1: Double? {
        let tp = Double(self.truePositives)
        let denominator = 2 * tp + Double(self.falsePositives) + Double(self.falseNegatives)
        return denominator == 0 ? nil : 2 * tp / denominator
    }

    static func cohensKappa<Label: Hashable>(_ pairs: [(reference: Label, candidate: Label)]) -> Double? {
        guard pairs.count >= 2 else { return nil }
        let n = Double(pairs.count)
        var reference: [Label: Int] = [:]
        var candidate: [Label: Int] = [:]
        var observed = 0
        for pair in pairs {
            reference[pair.reference, default: 0] += 1
            candidate[pair.candidate, default: 0] += 1
            if pair.reference == pair.candidate { observed += 1 }
        }
        var expected = 0.0
        for (label, count) in reference {
            expected += Double(count) / n * Double(candidate[label] ?? 0) / n
        }
        let po = Double(observed) / n
        guard expected < 1 else { return po == 1 ? nil : 0 }
        return (po - expected) / (1 - expected)
    }
}

/// Rank correlation between two series, for continuous scores against human ratings.
public enum RankCorrelation {
    /// Spearman's ρ with average ranks for ties; `nil` for fewer than three pairs or a constant series.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 3 else { return nil }
        let rx = ranks(x)
        let ry = ranks(y)
        let n = Double(x.count)
        let mx = rx.reduce(0, +) / n
        let my = ry.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in 0..<x.count {
            sxy += (rx[i] - mx) * (ry[i] - my)
            sxx += (rx[i] - mx) * (rx[i] - mx)
            syy += (ry[i] - my) * (ry[i] - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = average }
            i = j + 1
        }
        return ranks
    }
}
