import OmniscoreCore

/// L2-regularised logistic regression, fitted by Newton's method: deterministic, no learning rate to tune, and the
/// penalty pulls the weights towards a prior (the rubric's current weights) rather than towards zero, so little
/// data moves a general model only a little.
struct LogisticRegression {
    /// Fits `bias + Σ w·x` to 0/1 labels.
    ///
    /// - Parameters:
    ///   - rows: feature vectors, all of the same length.
    ///   - labels: the outcome of each row.
    ///   - prior: the weights the penalty pulls towards (the bias is not penalised).
    ///   - priorBias: the starting bias.
    ///   - lambda: the penalty per weight, `λ/2 Σ (w - prior)²`, on the mean log-loss.
    /// - Returns: the bias and the weights.
    static func fit(rows: [[Double]], labels: [Bool], prior: [Double], priorBias: Double, lambda: Double, iterations: Int = 25) -> (bias: Double, weights: [Double]) {
        let d = prior.count
        var beta = [priorBias] + prior  // beta[0] is the bias
        let n = Double(rows.count)
        guard !rows.isEmpty else { return (priorBias, prior) }
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: d + 1)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: d + 1), count: d + 1)
            for (row, label) in zip(rows, labels) {
                var z = beta[0]
                for k in 0..<d { z += beta[k + 1] * row[k] }
                let p = SignalModel.logistic(z)
                let residual = p - (label ? 1 : 0)
                let w = max(p * (1 - p), 1e-9)
                gradient[0] += residual / n
                for a in 0...d {
                    let xa = a == 0 ? 1 : row[a - 1]
                    if a > 0 { gradient[a] += residual * xa / n }
                    for b in a...d {
                        let xb = b == 0 ? 1 : row[b - 1]
                        hessian[a][b] += w * xa * xb / n
                    }
                }
            }
            for a in 0..<d {
                gradient[a + 1] += lambda * (beta[a + 1] - prior[a])
                hessian[a + 1][a + 1] += lambda
            }
            hessian[0][0] += 1e-9
            for a in 0...d { for b in 0..<a { hessian[a][b] = hessian[b][a] } }
            guard let step = Self.solve(hessian, gradient) else { break }
            var largest = 0.0
            for k in 0...d {
                beta[k] -= step[k]
                largest = max(largest, abs(step[k]))
            }
            if largest < 1e-8 { break }
        }
        return (beta[0], Array(beta.dropFirst()))
    }

    /// Solves `A x = b` for a symmetric positive definite `A` by Gaussian elimination with partial pivoting.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a
        var v = b
        let n = v.count
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<n where abs(m[row][column]) > abs(m[pivot][column]) { pivot = row }
            guard abs(m[pivot][column]) > 1e-12 else { return nil }
            if pivot != column {
                m.swapAt(pivot, column)
                v.swapAt(pivot, column)
            }
            for row in (column + 1)..<n {
                let factor = m[row][column] / m[column][column]
                if factor == 0 { continue }
                for k in column..<n { m[row][k] -= factor * m[column][k] }
                v[row] -= factor * v[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = v[row]
            for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}

