/// A sample sorted once, so rank statistics of any reweighting of it (a bootstrap resample draws each item 0, 1,
/// 2 ... times) cost one pass instead of a sort.
public struct RankedSample: Sendable {
    /// Item indices in increasing order of value.
    let order: [Int]
    /// For each position in `order`, the first position of its group of equal values.
    let groupStart: [Int]
    let values: [Double]

    public init(_ values: [Double]) {
        self.values = values
        self.order = values.indices.sorted { values[$0] < values[$1] }
        var starts = [Int](repeating: 0, count: values.count)
        for position in self.order.indices where position > 0 {
            starts[position] = values[self.order[position]] == values[self.order[position - 1]] ? starts[position - 1] : position
        }
        self.groupStart = starts
    }

    /// Average ranks (1-based, ties share their mean rank) of the items under `weights`; items of weight 0 get 0.
    public func ranks(weights: [Int]) -> [Double] {
        var ranks = [Double](repeating: 0, count: self.values.count)
        var below = 0
        var position = 0
        while position < self.order.count {
            var end = position
            var groupWeight = 0
            while end < self.order.count, self.groupStart[end] == self.groupStart[position] {
                groupWeight += weights[self.order[end]]
                end += 1
            }
            let rank = Double(below) + Double(groupWeight + 1) / 2
            for k in position..<end { ranks[self.order[k]] = rank }
            below += groupWeight
            position = end
        }
        return ranks
    }

    /// ROC-AUC of these values against `labels` under `weights` (1 for every item: the plain AUC).
    public func auc(labels: [Bool], weights: [Int]) -> Double? {
        var positives = 0.0
        var negatives = 0.0
        var concordant = 0.0
        var negativesBelow = 0.0
        var position = 0
        while position < self.order.count {
            var end = position
            var groupPositive = 0.0
            var groupNegative = 0.0
            while end < self.order.count, self.groupStart[end] == self.groupStart[position] {
                let item = self.order[end]
                let w = Double(weights[item])
                if labels[item] { groupPositive += w } else { groupNegative += w }
                end += 1
            }
            concordant += groupPositive * (negativesBelow + 0.5 * groupNegative)
            negativesBelow += groupNegative
            positives += groupPositive
            negatives += groupNegative
            position = end
        }
        guard positives > 0, negatives > 0 else { return nil }
        return concordant / (positives * negatives)
    }

    /// Spearman's ρ between two samples of the same items under `weights`.
    public static func spearman(_ x: RankedSample, _ y: RankedSample, weights: [Int]) -> Double? {
        let rx = x.ranks(weights: weights)
        let ry = y.ranks(weights: weights)
        var n = 0.0
        var sx = 0.0
        var sy = 0.0
        for k in weights.indices where weights[k] > 0 {
            let w = Double(weights[k])
            n += w
            sx += w * rx[k]
            sy += w * ry[k]
        }
        guard n >= 3 else { return nil }
        let mx = sx / n
        let my = sy / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for k in weights.indices where weights[k] > 0 {
            let w = Double(weights[k])
            sxy += w * (rx[k] - mx) * (ry[k] - my)
            sxx += w * (rx[k] - mx) * (rx[k] - mx)
            syy += w * (ry[k] - my) * (ry[k] - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
