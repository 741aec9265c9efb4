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
        if !self.pairs.isEmpty {
            let broken = self.pairs.filter { !$0.passed }
            lines.append("contrastive pairs: \(self.pairs.count - broken.count)/\(self.pairs.count) hold" + RubricCheck.behaviourSummary(self.pairs))
            for pair in broken {
                lines.append("  BROKEN \(pair.location): pair \"\(pair.name)\" (\(pair.target)): \(pair.reason)")
            }
        }
        if !self.ratings.isEmpty {
            lines.append("human ratings: \(self.humanRated) rated interactions" + (self.missingRated.isEmpty ? "" : ", \(self.missingRated.count) missing from the interactions") + "; 95% bootstrap intervals")
            for line in RubricCheck.ratingRows(self.ratings) { lines.append("  " + line) }
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

    /// Every disagreement with the labels, grouped by criterion, with the rubric's reason; and every broken
    /// pair's criteria, version by version.
    public func disagreementReport() -> String {
        var lines: [String] = []
        for pair in self.pairs where !pair.passed {
            lines.append("pair \(pair.name) (\(pair.target)), \(pair.location):")
            for (label, criteria) in [("better", pair.betterCriteria), ("worse", pair.worseCriteria)] {
                for c in criteria { lines.append("  \(label) \(c.id) \(c.verdict): \(c.reason)") }
            }
        }
        for agreement in self.agreements where !agreement.disagreements.isEmpty {
            lines.append("\(agreement.criterion): \(agreement.disagreements.count) disagreement(s)")
            for d in agreement.disagreements {
                lines.append("  \(d.interaction): label \(d.label.rawValue), rubric \(d.predicted.rawValue): \(d.reason)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// " (sarcasm 6/6, blame 6/7, ...)" per behaviour, in first-seen order.
    static func behaviourSummary(_ pairs: [PairResult]) -> String {
        var order: [String] = []
        var counts: [String: (Int, Int)] = [:]
        for pair in pairs where !pair.behaviour.isEmpty {
            if counts[pair.behaviour] == nil { order.append(pair.behaviour) }
            let (held, total) = counts[pair.behaviour] ?? (0, 0)
            counts[pair.behaviour] = (held + (pair.passed ? 1 : 0), total + 1)
        }
        guard !order.isEmpty else { return "" }
        return " (" + order.map { "\($0) \(counts[$0]!.0)/\(counts[$0]!.1)" }.joined(separator: ", ") + ")"
    }

    /// One line per rating and figure: ROC-AUC or Spearman, and agreement, each with its interval.
    static func ratingRows(_ ratings: [RatingAgreement]) -> [String] {
        var rows = [RubricCheck.pad("rating", 22) + RubricCheck.pad("figure", 28) + RubricCheck.pad("n", 11) + RubricCheck.pad("measure", 26) + "agreement"]
        for r in ratings {
            let measure: String
            if r.isBinary {
                measure = "AUC \(RubricCheck.ratio(r.auc)) \(RubricCheck.interval(r.aucInterval))"
            } else {
                measure = "rho \(RubricCheck.ratio(r.spearman)) \(RubricCheck.interval(r.spearmanInterval))"
            }
            let agreement = r.isBinary ? "\(RubricCheck.percent(r.agreement)) \(RubricCheck.intervalPercent(r.agreementInterval)) at >= \(RubricCheck.format(r.threshold))" : ""
            let n = r.isBinary ? "\(r.count)/\(r.positives)" : "\(r.count)"
            rows.append(RubricCheck.pad(r.rating, 22) + RubricCheck.pad(r.figure, 28) + RubricCheck.pad(n, 11) + RubricCheck.pad(measure, 26) + agreement)
        }
        return rows
    }

    static func interval(_ interval: (low: Double, high: Double)?) -> String {
        interval.map { "[\(RubricCheck.ratio($0.low)), \(RubricCheck.ratio($0.high))]" } ?? ""
    }

    static func intervalPercent(_ interval: (low: Double, high: Double)?) -> String {
        interval.map { "[\(RubricCheck.percent($0.low)), \(RubricCheck.percent($0.high))]" } ?? ""
    }

    static func signed(_ value: Double?) -> String { value.map { RubricCheck.format($0) } ?? "–" }

    static func delta(_ value: Double?) -> String {
        guard let value else { return "new or removed" }
        return (value > 0 ? "+" : "") + RubricCheck.format(value)
    }
}
