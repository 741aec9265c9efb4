/// Percentile bootstrap intervals with a fixed seed, so a report gives the same interval on every run.
public enum Bootstrap {
    /// A 95 % interval of `statistic` over `count` items, from `resamples` resamples drawn with replacement.
    ///
    /// - Parameters:
    ///   - count: the number of items; `statistic` receives how many times each item was drawn in one resample.
    ///   - statistic: the figure of one resample; `nil` (a resample with one class only) is left out.
    /// - Returns: the 2.5th and 97.5th percentiles, or `nil` when fewer than half the resamples gave a figure.
    public static func interval(count: Int, resamples: Int = 1000, seed: UInt64 = 42, _ statistic: ([Int]) -> Double?) -> (low: Double, high: Double)? {
        guard count > 1 else { return nil }
        var generator = SplitMix64(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        var weights = [Int](repeating: 0, count: count)
        for _ in 0..<resamples {
            for k in 0..<count { weights[k] = 0 }
            for _ in 0..<count { weights[Int(generator.next() % UInt64(count))] += 1 }
            if let value = statistic(weights) { values.append(value) }
        }
        guard values.count * 2 >= resamples else { return nil }
        values.sort()
        func percentile(_ p: Double) -> Double {
            let position = p * Double(values.count - 1)
            let lower = Int(position)
            let upper = min(lower + 1, values.count - 1)
            let fraction = position - Double(lower)
            return values[lower] * (1 - fraction) + values[upper] * fraction
        }
        return (percentile(0.025), percentile(0.975))
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the same seed gives the same sequence
/// on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
