public import OmniscoreCore

extension RubricFit {
    /// The rubric's source with its `<signals>` element replaced by the fitted models (and the models the fit did
    /// not touch, as they were), and its version changed: a new rubric version whose weights a reviewer can read.
    ///
    /// - Parameters:
    ///   - source: the rubric XML as written.
    ///   - rubric: the loaded rubric (its current models).
    ///   - results: what the fit found; a result without a cross-validated figure leaves its model as it was.
    ///   - version: the new version label.
    public static func rewrite(source: String, rubric: Rubric, results: [Result], version: String) -> String {
        var models = rubric.signals
        var notes: [SignalModel.Kind: String] = [:]
        for result in results where result.crossValidated != nil {
            models[result.target.kind] = result.model
            let rating = result.target.rating + (result.target.threshold.map { " >= \(RubricFit.number($0))" } ?? "")
            notes[result.target.kind] = "rubric fit on \(result.count) ratings of \(rating) (\(result.positives) positive): ROC-AUC \(RubricFit.number(result.before ?? 0, places: 3)) before, \(RubricFit.number(result.crossValidated ?? 0, places: 3)) cross-validated after; lambda \(RubricFit.number(result.lambda))"
        }
        var lines = ["  <signals>"]
        for kind in SignalModel.Kind.allCases {
            let model = models[kind]
            let fitted = notes[kind].map { " fitted=\"\(RubricFit.escape($0))\"" } ?? ""
            lines.append("    <model figure=\"\(kind.rawValue)\" bias=\"\(RubricFit.number(model.bias, places: 4))\"\(fitted)>")
            for (feature, weight) in zip(kind.features, model.weights) {
                lines.append("      <weight feature=\"\(feature)\" value=\"\(RubricFit.number(weight, places: 4))\"/>")
            }
            lines.append("    </model>")
        }
        lines.append("  </signals>")
        let block = lines.joined(separator: "\n")
        var text = source
        if let start = text.firstRange(of: "<signals"), let end = text[start.upperBound...].firstRange(of: "</signals>") {
            let lineStart = text[..<start.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? start.lowerBound
            text.replaceSubrange(lineStart..<end.upperBound, with: block)
        } else if let section = text.firstRange(of: "<section") {
            let lineStart = text[..<section.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? section.lowerBound
            text.insert(contentsOf: block + "\n\n", at: lineStart)
        }
        if let root = text.firstRange(of: "<rubric"), let attribute = text[root.upperBound...].firstRange(of: " version=\""),
            let close = text[attribute.upperBound...].firstIndex(of: "\"")
        {
            text.replaceSubrange(attribute.upperBound..<close, with: version)
        }
        return text
    }

    /// A decimal the XML schema accepts (no exponent), rounded.
    static func number(_ value: Double, places: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let whole = Int(magnitude)
        var fraction = String(Int(((magnitude - Double(whole)) * scale).rounded()))
        while fraction.count < places { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + "\(whole)." + fraction
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
