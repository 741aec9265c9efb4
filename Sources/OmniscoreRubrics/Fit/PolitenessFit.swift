import OmniscoreCore

/// Fits the per-message politeness weights to interaction-level labels through the same blend the scorer reports
/// (0.6 × mean + 0.4 × least polite message), by gradient descent from the current weights with a fixed step and
/// a fixed number of steps: deterministic, and pulled towards the current weights by an L2 penalty.
struct PolitenessFit {
    /// Per interaction: the politeness features of each agent message.
    var interactions: [[[Double]]]
    var labels: [Bool]

    /// Interaction politeness under `model`.
    static func predict(_ messages: [[Double]], model: SignalModel) -> Double? {
        SignalModel.blend(messages.map { model.probability($0) })
    }

    func fit(from prior: SignalModel, lambda: Double, steps: Int = 150, rate: Double = 1.0) -> SignalModel {
        var model = prior
        let d = prior.weights.count
        let n = Double(max(self.interactions.count, 1))
        for _ in 0..<steps {
            var gradient = [Double](repeating: 0, count: d)
            var biasGradient = 0.0
            for (messages, label) in zip(self.interactions, self.labels) where !messages.isEmpty {
                let values = messages.map { model.probability($0) }
                let least = values.indices.min { values[$0] < values[$1] }!
                let p = min(max(SignalModel.blend(values)!, 1e-6), 1 - 1e-6)
                let dLoss = (p - (label ? 1 : 0)) / (p * (1 - p))
                for (m, x) in messages.enumerated() {
                    var share = 0.6 / Double(messages.count)
                    if m == least { share += 0.4 }
                    let slope = dLoss * share * values[m] * (1 - values[m])
                    biasGradient += slope / n
                    for k in 0..<d { gradient[k] += slope * model.scale * x[k] / n }
                }
            }
            for k in 0..<d {
                gradient[k] += lambda * (model.weights[k] - prior.weights[k])
                model.weights[k] -= rate * gradient[k]
            }
            model.bias -= rate * biasGradient
        }
        return model
    }
}
