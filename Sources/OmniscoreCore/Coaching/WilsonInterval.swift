/// The Wilson score interval of a proportion: honest at small samples and near 0 or 1, where the normal
/// approximation claims certainty it does not have.
public struct WilsonInterval: Sendable, Hashable {
    public var low: Double
    public var high: Double

    /// The 95 % interval of `successes` out of `total`; nil when `total` is 0.
    public init?(successes: Int, total: Int, z: Double = 1.959964) {
        guard total > 0 else { return nil }
        let n = Double(total)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let margin = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        self.low = max(0, centre - margin)
        self.high = min(1, centre + margin)
    }
}
