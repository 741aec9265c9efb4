import OmniscoreCore
import OmniscoreInterchange

extension RubricCheck {
    /// A Markdown report, ready to post as a pull-request comment.
    public func markdownReport() -> String {
        func cell(_ text: String) -> String { text.map { $0 == "|" ? "\\|" : String($0) }.joined() }
        var md: [String] = []
        let verdict = self.passed ? "✅ passes" : "❌ fails"
        md.append("### Rubric check: `\(self.rubric.id)` \(self.rubric.version) \(verdict)")
        md.append("")
        md.append("sha256 `\(self.rubric.sha256)`" + (self.baseline.map { " · baseline \($0.version) `\($0.sha256.prefix(12))`" } ?? ""))
        md.append("")
        let failed = self.examples.filter { !$0.passed }
        md.append("**Examples:** \(self.examples.count - failed.count) of \(self.examples.count) pass.")
        if !failed.isEmpty {
            md.append("")
            md.append("| criterion | example | expected | got | why |")
            md.append("|---|---|---|---|---|")
            for example in failed {
                md.append("| `\(example.criterion)` | \(cell(example.name)) | \(example.expected) | \(example.actual) | \(cell(example.reason)) |")
            }
        }
        if !self.pairs.isEmpty {
            let broken = self.pairs.filter { !$0.passed }
            md.append("")
            md.append("**Contrastive pairs:** \(self.pairs.count - broken.count) of \(self.pairs.count) hold\(RubricCheck.behaviourSummary(self.pairs)).")
            if !broken.isEmpty {
                md.append("")
                md.append("| pair | compares | why it is broken |")
                md.append("|---|---|---|")
                for pair in broken {
                    md.append("| \(cell(pair.name)) | \(pair.target) | \(cell(pair.reason)) |")
                }
            }
        }
        if !self.ratings.isEmpty {
            md.append("")
            md.append("**Human ratings:** \(self.humanRated) rated interactions; 95 % bootstrap intervals (1,000 resamples). Yes/no ratings: ROC-AUC of the figure and agreement with the figure at its threshold; numeric ratings: Spearman ρ.")
            md.append("")
            md.append("| rating | figure | n | measure | interval | agreement |")
            md.append("|---|---|---:|---:|---|---:|")
            for r in self.ratings {
                let measure = r.isBinary ? "AUC \(RubricCheck.ratio(r.auc))" : "ρ \(RubricCheck.ratio(r.spearman))"
                let interval = RubricCheck.interval(r.isBinary ? r.aucInterval : r.spearmanInterval)
                let agreement = r.isBinary ? "\(RubricCheck.percent(r.agreement)) \(RubricCheck.intervalPercent(r.agreementInterval))" : ""
                md.append("| `\(cell(r.rating))` | `\(r.figure)` | \(r.count) | \(measure) | \(interval) | \(agreement) |")
            }
        }
        if !self.agreements.isEmpty {
            md.append("")
            md.append("**Golden set:** \(self.labelled) labelled interactions. Precision, recall and F1 are for `fail` verdicts; κ is Cohen's kappa over pass / fail / N/A.")
            md.append("")
            var header = "| criterion | n | fails | precision | recall | F1 | κ | agreement |"
            var rule = "|---|---:|---:|---:|---:|---:|---:|---:|"
            if self.baseline != nil {
                header += " F1 before |"
                rule += "---:|"
            }
            md.append(header)
            md.append(rule)
            for agreement in self.agreements {
                let s = agreement.statistics
                var row = "| `\(agreement.criterion)` | \(s.count) | \(s.truePositives + s.falseNegatives) | \(RubricCheck.ratio(s.precision)) | \(RubricCheck.ratio(s.recall)) | \(RubricCheck.ratio(s.f1)) | \(RubricCheck.ratio(s.kappa)) | \(RubricCheck.percent(s.accuracy)) |"
                if self.baseline != nil { row += " \(RubricCheck.ratio(agreement.baselineF1)) |" }
                md.append(row)
            }
            if self.ratedInteractions > 0 {
                md.append("")
                md.append("Tone against human 1–5 ratings (Spearman ρ, \(self.ratedInteractions) interactions): politeness \(RubricCheck.ratio(self.politenessCorrelation)), frustration \(RubricCheck.ratio(self.frustrationCorrelation)).")
            }
        }
        if self.baseline != nil {
            md.append("")
            md.append("**Changes against the baseline:** \(self.flips.count) verdict flips.")
            let moved = ((self.totalShift.map { [$0] } ?? []) + self.sectionShifts + self.criterionShifts).filter { ($0.delta ?? 1) != 0 }
            if !moved.isEmpty {
                md.append("")
                md.append("| mean | before | after | change |")
                md.append("|---|---:|---:|---:|")
                for shift in moved {
                    md.append("| `\(shift.id)` | \(RubricCheck.signed(shift.before)) | \(RubricCheck.signed(shift.after)) | \(RubricCheck.delta(shift.delta)) |")
                }
            }
            if !self.flips.isEmpty {
                md.append("")
                md.append("<details><summary>Flipped verdicts</summary>")
                md.append("")
                md.append("| interaction | criterion | before | after |")
                md.append("|---|---|---|---|")
                for flip in self.flips.prefix(200) {
                    md.append("| \(cell(flip.interaction)) | `\(flip.criterion)` | \(flip.before) | \(flip.after) |")
                }
                if self.flips.count > 200 { md.append("| … | \(self.flips.count - 200) more | | |") }
                md.append("")
                md.append("</details>")
            }
        }
        let failures = self.failures
        if !failures.isEmpty {
            md.append("")
            md.append("**Why it fails:**")
            md.append("")
            for failure in failures { md.append("- \(failure)") }
        }
        return md.joined(separator: "\n") + "\n"
    }
}
