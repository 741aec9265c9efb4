public import OmniscoreCore

extension CoachingReport {
    static func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return "\(Int((value * 100).rounded()))%"
    }

    static func score(_ value: Double?) -> String {
        guard let value else { return "–" }
        return JSONWriter.format((value * 10).rounded() / 10)
    }

    static func delta(_ now: Double?, _ before: Double?, scale: Double = 1) -> String {
        guard let now, let before else { return "" }
        let change = ((now - before) * scale * 10).rounded() / 10
        return change > 0 ? "+\(JSONWriter.format(change))" : change < 0 ? JSONWriter.format(change) : "±0"
    }

    static func interval(_ rate: Rate) -> String {
        guard let interval = rate.interval else { return "" }
        return "\(Int((interval.low * 100).rounded()))–\(Int((interval.high * 100).rounded()))%"
    }

    /// "12 interactions" or "3 interactions (too few to judge)".
    var sampleText: String {
        "\(self.interactions) interaction\(self.interactions == 1 ? "" : "s")" + (self.isTooFew ? " (too few to judge: fewer than \(self.minimumSample))" : "")
    }
}
