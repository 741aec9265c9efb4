import OmniscoreCore
import OmniscoreInterchange

extension RubricCheck {
    /// A JUnit XML report: one test case per example and one per criterion of the golden set.
    public func junitReport() -> String {
        func escape(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                default:
                    // XML 1.0 forbids most control characters even escaped.
                    if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let failures = self.failures
        let criterionFailures = Dictionary(grouping: failures.filter { $0.contains(":") }, by: { String($0.prefix { $0 != ":" }) })
        var xml: [String] = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let exampleFailures = self.examples.filter { !$0.passed }.count
        let goldenFailures = self.agreements.filter { criterionFailures[$0.criterion] != nil }.count
        let pairFailures = self.pairs.filter { !$0.passed }.count
        let total = self.examples.count + self.agreements.count + self.pairs.count + self.ratings.count
        xml.append("<testsuites name=\"\(escape(self.rubric.id)) \(escape(self.rubric.version))\" tests=\"\(total)\" failures=\"\(exampleFailures + goldenFailures + pairFailures)\">")
        xml.append("  <testsuite name=\"examples\" tests=\"\(self.examples.count)\" failures=\"\(exampleFailures)\">")
        for example in self.examples {
            let name = "\(example.criterion) / \(example.name)"
            if example.passed {
                xml.append("    <testcase classname=\"\(escape(self.rubric.id)).examples\" name=\"\(escape(name))\"/>")
            } else {
                xml.append("    <testcase classname=\"\(escape(self.rubric.id)).examples\" name=\"\(escape(name))\">")
                xml.append("      <failure message=\"expected \(escape(example.expected)), got \(escape(example.actual))\">\(escape(example.location)): \(escape(example.reason))</failure>")
                xml.append("    </testcase>")
            }
        }
        xml.append("  </testsuite>")
        if !self.pairs.isEmpty {
            xml.append("  <testsuite name=\"pairs\" tests=\"\(self.pairs.count)\" failures=\"\(pairFailures)\">")
            for pair in self.pairs {
                let name = (pair.behaviour.isEmpty ? "" : "\(pair.behaviour) / ") + pair.name
                if pair.passed {
                    xml.append("    <testcase classname=\"\(escape(self.rubric.id)).pairs\" name=\"\(escape(name))\"><system-out>\(escape(pair.reason))</system-out></testcase>")
                } else {
                    xml.append("    <testcase classname=\"\(escape(self.rubric.id)).pairs\" name=\"\(escape(name))\">")
                    xml.append("      <failure message=\"the better version does not score higher on \(escape(pair.target.description))\">\(escape(pair.location)): \(escape(pair.reason))</failure>")
                    xml.append("    </testcase>")
                }
            }
            xml.append("  </testsuite>")
        }
        if !self.ratings.isEmpty {
            xml.append("  <testsuite name=\"ratings\" tests=\"\(self.ratings.count)\" failures=\"0\">")
            for r in self.ratings {
                let measure = r.isBinary
                    ? "AUC=\(RubricCheck.ratio(r.auc)) \(RubricCheck.interval(r.aucInterval)) agreement=\(RubricCheck.percent(r.agreement)) \(RubricCheck.intervalPercent(r.agreementInterval))"
                    : "spearman=\(RubricCheck.ratio(r.spearman)) \(RubricCheck.interval(r.spearmanInterval))"
                xml.append("    <testcase classname=\"\(escape(self.rubric.id)).ratings\" name=\"\(escape(r.rating)) / \(escape(r.figure))\"><system-out>n=\(r.count) \(escape(measure))</system-out></testcase>")
            }
            xml.append("  </testsuite>")
        }
        xml.append("  <testsuite name=\"golden-set\" tests=\"\(self.agreements.count)\" failures=\"\(goldenFailures)\">")
        for agreement in self.agreements {
            let s = agreement.statistics
            let summary = "n=\(s.count) precision=\(RubricCheck.ratio(s.precision)) recall=\(RubricCheck.ratio(s.recall)) F1=\(RubricCheck.ratio(s.f1)) kappa=\(RubricCheck.ratio(s.kappa))"
            if let problems = criterionFailures[agreement.criterion] {
                xml.append("    <testcase classname=\"\(escape(self.rubric.id)).golden\" name=\"\(escape(agreement.criterion))\">")
                xml.append("      <failure message=\"\(escape(problems.joined(separator: "; ")))\">\(escape(summary))</failure>")
                xml.append("    </testcase>")
            } else {
                xml.append("    <testcase classname=\"\(escape(self.rubric.id)).golden\" name=\"\(escape(agreement.criterion))\"><system-out>\(escape(summary))</system-out></testcase>")
            }
        }
        xml.append("  </testsuite>")
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }
}
