/// Elementary functions the scoring core needs, written out so the core depends on the standard library alone
/// and gives bit-identical results on every platform (libm implementations differ in the last digit).
enum Math {
    /// e^x, accurate to about 1e-15 relative; saturates outside ±700.
    static func exp(_ x: Double) -> Double {
        if x > 700 { return .infinity }
        if x < -700 { return 0 }
        let ln2 = 0.693_147_180_559_945_3
        let k = (x / ln2).rounded()
        let r = x - k * ln2  // |r| <= ln2 / 2
        var term = 1.0
        var sum = 1.0
        for n in 1...14 {
            term *= r / Double(n)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }
}
