import OmniscoreCore
import OmniscoreInterchange

extension RubricCheck {
    static func percent(_ value: Double?) -> String {
        value.map { RubricCheck.format($0 * 100) + "%" } ?? "–"
    }

    static func ratio(_ value: Double?) -> String {
        guard let value else { return "–" }
        let rounded = (value * 100).rounded() / 100
        var text = String(rounded)
        if text.hasPrefix("0.") { text.removeFirst() } else if text.hasPrefix("-0.") { text = "-" + text.dropFirst(2) }
        return text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// A plain-text report for the terminal.
    public func textReport() -> String {
        var lines: [String] = []
        lines.append("rubric \(self.rubric.id) \(self.rubric.version) (sha256 \(self.rubric.sha256.prefix(12)))")
        let failedExamples = self.examples.filter { !$0.passed }
        lines.append("examples: \(self.examples.count - failedExamples.count)/\(self.examples.count) pass")
        for example in failedExamples {
            lines.append("  FAIL \(example.location): \(example.criterion) example \"\(example.name)\": expected \(example.expected), got \(example.actual) (\(example.reason))")
        }
        if self.labelled > 0 {
            lines.append("golden set: \(self.labelled) labelled interactions" + (self.missingInteractions.isEmpty ? "" : ", \(self.missingInteractions.count) missing from the interactions"))
            lines.append("  " + RubricCheck.pad("criterion", 34) + RubricCheck.pad("n", 5) + RubricCheck.pad("fails", 7) + RubricCheck.pad("prec", 7) + RubricCheck.pad("recall", 8) + RubricCheck.pad("F1", 6) + RubricCheck.pad("kappa", 7) + "agree" + (self.baseline == nil ? "" : "  F1 before"))
            for agreement in self.agreements {
                let s = agreement.statistics
                var row = "  " + RubricCheck.pad(agreement.criterion, 34) + RubricCheck.pad(String(s.count), 5)
                row += RubricCheck.pad(String(s.truePositives + s.falseNegatives), 7)
                row += RubricCheck.pad(RubricCheck.ratio(s.precision), 7) + RubricCheck.pad(RubricCheck.ratio(s.recall), 8)
                row += RubricCheck.pad(RubricCheck.ratio(s.f1), 6) + RubricCheck.pad(RubricCheck.ratio(s.kappa), 7) + RubricCheck.percent(s.accuracy)
                if self.baseline != nil { row += "  " + RubricCheck.ratio(agreement.baselineF1) }
                lines.append(row)
            }
            if !self.statusMismatches.isEmpty {
                lines.append("  scored / not-scored disagreements: \(self.statusMismatches.count)")
                for mismatch in self.statusMismatches.prefix(10) {
                    lines.append("    \(mismatch.interaction): label \(mismatch.label), rubric \(mismatch.predicted)")
                }
            }
            if self.ratedInteractions > 0 {
                lines.append("  tone vs human ratings (Spearman): politeness \(RubricCheck.ratio(self.politenessCorrelation)), frustration \(RubricCheck.ratio(self.frustrationCorrelation)) over \(self.ratedInteractions) interactions")
            }
        }
        if let baseline = self.baseline {
            lines.append("against baseline \(baseline.id) \(baseline.version) (sha256 \(baseline.sha256.prefix(12))): \(self.flips.count) verdict flips")
            for flip in self.flips.prefix(20) {
                lines.append("  \(flip.interaction) \(flip.criterion): \(flip.before) -> \(flip.after)")
            }
            if self.flips.count > 20 { lines.append("  ... and \(self.flips.count - 20) more") }
            for shift in (self.totalShift.map { [$0] } ?? []) + self.sectionShifts + self.criterionShifts where (shift.delta ?? 1) != 0 {
                lines.append("  \(RubricCheck.pad(shift.id, 34)) \(RubricCheck.signed(shift.before)) -> \(RubricCheck.signed(shift.after)) (\(RubricCheck.delta(shift.delta)))")
            }
        }
        let failures = self.failures
        lines.append(failures.isEmpty ? "PASS" : "FAIL")
        for failure in failures { lines.append("  " + failure) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every disagreement with the labels, grouped by criterion, with the rubric's reason.
    public func disagreementReport() -> String {
        var lines: [String] = []
        for agreement in self.agreements where !agreement.disagreements.isEmpty {
            lines.append("\(agreement.criterion): \(agreement.disagreements.count) disagreement(s)")
            for d in agreement.disagreements {
                lines.append("  \(d.interaction): label \(d.label.rawValue), rubric \(d.predicted.rawValue): \(d.reason)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func signed(_ value: Double?) -> String { value.map { RubricCheck.format($0) } ?? "–" }

    static func delta(_ value: Double?) -> String {
        guard let value else { return "new or removed" }
        return (value > 0 ? "+" : "") + RubricCheck.format(value)
    }
}
