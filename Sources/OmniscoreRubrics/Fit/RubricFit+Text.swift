public import OmniscoreCore

extension RubricFit {
    /// A plain-text report: per model, the figure before and after (cross-validated), and the weights that moved.
    public static func report(_ results: [Result], rubric: Rubric, folds: Int) -> String {
        var lines = ["rubric fit \(rubric.id) \(rubric.version): \(folds)-fold nested cross-validation, ROC-AUC"]
        for result in results {
            let rating = result.target.rating + (result.target.threshold.map { ">=\(RubricFit.number($0))" } ?? "")
            let after = result.crossValidated.map { RubricFit.number($0, places: 3) } ?? "–"
            let before = result.before.map { RubricFit.number($0, places: 3) } ?? "–"
            let inSample = result.inSample.map { RubricFit.number($0, places: 3) } ?? "–"
            lines.append("  \(result.target.kind.rawValue) <- \(rating): \(result.count) rated, \(result.positives) positive; before \(before), after \(after) (cross-validated; \(inSample) in sample), lambda \(RubricFit.number(result.lambda, places: 3))")
            guard result.crossValidated != nil else {
                lines.append("    not fitted: needs both classes and at least \(folds * 2) rated interactions")
                continue
            }
            let prior = rubric.signals[result.target.kind]
            let moved = zip(result.target.kind.features, zip(prior.weights, result.model.weights)).filter { abs($1.0 - $1.1) >= 0.05 }
            for (feature, (old, new)) in moved {
                lines.append("    \(feature): \(RubricFit.number(old)) -> \(RubricFit.number(new))")
            }
            lines.append("    bias: \(RubricFit.number(prior.bias)) -> \(RubricFit.number(result.model.bias))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
