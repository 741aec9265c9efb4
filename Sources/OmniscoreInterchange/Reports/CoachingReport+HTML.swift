public import OmniscoreCore

extension CoachingReport {
    /// A self-contained, printable HTML page (inline CSS, an inline SVG trend chart, no script). Every text from
    /// the database is escaped.
    public func html() -> String {
        func e(_ text: String) -> String { text.htmlEscaped }
        var h = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Coaching report \(e(self.agentID)) \(e(self.period))</title>
            <style>
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2430;max-width:960px;margin:24px auto;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d9dee7;padding-bottom:4px}
            h3{font-size:15px;margin:18px 0 6px}.meta{color:#5b6575}.note{background:#fff7e0;border-left:4px solid #e0a800;padding:8px 12px}
            .kpi{display:flex;gap:16px;flex-wrap:wrap}.kpi div{border:1px solid #d9dee7;border-radius:6px;padding:8px 14px;min-width:130px}
            .kpi b{display:block;font-size:22px}table{border-collapse:collapse;width:100%;margin:6px 0}
            th,td{border-bottom:1px solid #e6e9ef;padding:5px 8px;text-align:left;font-variant-numeric:tabular-nums}th{background:#f4f6f9}
            .up{color:#1a7f37}.down{color:#c62828}.few{color:#8a6d00;font-style:italic}blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #9aa5b8;color:#333}
            code{font-size:12px;background:#f4f6f9;padding:1px 4px;border-radius:3px}
            @media print{body{margin:0}h2{page-break-after:avoid}.focus{page-break-inside:avoid}}
            </style></head><body>

            """
        h += "<h1>Coaching report: \(e(self.agentName ?? self.agentID))</h1>\n"
        h += "<p class=\"meta\">Agent <code>\(e(self.agentID))</code>" + (self.team.map { " · team \(e($0))" } ?? "")
        h += " · period <b>\(e(self.period))</b> · rubric <code>\(e(self.rubricID))</code> \(e(self.rubricVersion)) (sha256 <code>\(e(String(self.rubricSHA256.prefix(12))))</code>)</p>\n"
        if let note = self.versionNote { h += "<p class=\"note\">\(e(note))</p>\n" }
        let delta = Self.delta(self.overall, self.previousOverall)
        h += "<div class=\"kpi\"><div>Overall<b>\(e(Self.score(self.overall)))</b>\(e(self.sampleText))</div>"
        h += "<div>Previous (\(e(self.previousPeriod)))<b>\(e(Self.score(self.previousOverall)))</b>\(self.previousInteractions) interactions"
        if !delta.isEmpty { h += " <span class=\"\(delta.hasPrefix("-") ? "down" : "up")\">\(e(delta))</span>" }
        h += "</div><div>Team median<b>\(e(Self.score(self.teamMedianOverall)))</b>\(e(self.team ?? "no team"))</div>"
        if let outcome = self.customerOutcome {
            h += "<div>Customers' likely outcome<b>\(e(Self.score(outcome)))</b>previous \(e(Self.score(self.previousCustomerOutcome)))</div>"
        }
        h += "</div>\n"

        h += "<h2>Trend</h2>\n" + self.trendChart()

        h += "<h2>Sections</h2>\n<table><tr><th>section</th><th>score</th><th>previous</th><th>team median</th></tr>\n"
        for section in self.sections {
            h += "<tr><td>\(e(section.title))</td><td>\(e(Self.score(section.mean)))</td><td>\(e(Self.score(section.previousMean)))</td><td>\(e(Self.score(section.teamMedian)))</td></tr>\n"
        }
        h += "</table>\n<h2>Focus areas</h2>\n"
        if self.focus.isEmpty { h += "<p>No criterion failed in this period.</p>\n" }
        for (rank, item) in self.focus.enumerated() {
            let line = item.criterion
            h += "<div class=\"focus\"><h3>\(rank + 1). \(e(line.title)) <code>\(e(line.id))</code></h3>\n<p>Passed \(line.current.passes) of \(line.current.applicable) (\(e(Self.percent(line.current.passRate))), 95% interval \(e(Self.interval(line.current))))"
            if let previous = line.previous, previous.applicable > 0 { h += "; previous period \(e(Self.percent(previous.passRate))) of \(previous.applicable)" }
            h += "; team median \(e(Self.percent(line.teamMedianPassRate)))."
            if line.isTooFew { h += " <span class=\"few\">Too few interactions to judge with confidence.</span>" }
            h += "</p>\n"
            if !item.coaching.isEmpty { h += "<p><b>Coaching:</b> \(e(item.coaching))</p>\n" }
            for excerpt in item.excerpts {
                h += "<blockquote><code>\(e(excerpt.interactionID))</code> " + (excerpt.quote.isEmpty ? "" : "“\(e(excerpt.quote))” — ") + "\(e(excerpt.reason))</blockquote>\n"
            }
            h += "</div>\n"
        }
        h += "<h2>Strengths</h2>\n<ul>\n"
        if self.strengths.isEmpty { h += "<li>Not enough interactions yet to name strengths with confidence.</li>\n" }
        for line in self.strengths { h += "<li>\(e(line.title)): passed \(line.current.passes) of \(line.current.applicable)</li>\n" }
        h += "</ul>\n<h2>Channels</h2>\n<table><tr><th>channel</th><th>interactions</th><th>score</th><th>tone</th></tr>\n"
        for channel in self.channels {
            h += "<tr><td>\(e(channel.channel))</td><td>\(channel.count)</td><td>\(e(Self.score(channel.meanTotal)))</td><td>\(e(Self.score(channel.meanTone)))</td></tr>\n"
        }
        h += "</table>\n"
        if let spread = self.toneSpread {
            h += "<p>Cross-channel tone consistency: the mean tone score differs by \(e(Self.score(spread))) points between channels\(spread > 15 ? " — worth a look" : "").</p>\n"
        }
        h += "<h2>Escalation mistakes</h2>\n<ul>\n"
        if self.escalationMistakes.isEmpty { h += "<li>None.</li>\n" }
        for mistake in self.escalationMistakes {
            h += "<li><code>\(e(mistake.interactionID))</code> (\(e(mistake.channel))): \(e(String(mistake.kind.map { $0 == "_" ? " " : $0 })))</li>\n"
        }
        h += "</ul>\n<h2>Every criterion</h2>\n<table><tr><th>criterion</th><th>passed</th><th>rate</th><th>95% interval</th><th>previous</th><th>team median</th></tr>\n"
        for line in self.criteria where line.current.applicable > 0 || (line.previous?.applicable ?? 0) > 0 {
            h += "<tr><td>\(e(line.id))</td><td>\(line.current.passes)/\(line.current.applicable)</td><td>\(e(Self.percent(line.current.passRate)))</td><td>\(e(Self.interval(line.current)))</td><td>\(e(Self.percent(line.previous?.passRate)))</td><td>\(e(Self.percent(line.teamMedianPassRate)))</td></tr>\n"
        }
        h += "</table>\n<p class=\"meta\">Report <code>\(e(self.id))</code>. Personal data in excerpts is masked; the unmasked transcripts stay in the database.</p>\n</body></html>\n"
        return h
    }

    /// An inline SVG line chart of the mean score per period (0-100).
    func trendChart() -> String {
        let points = self.trend.filter { $0.meanTotal != nil }
        guard points.count >= 2 else { return "<p class=\"meta\">Not enough periods for a trend yet.</p>\n" }
        let width = 600.0
        let height = 160.0
        let step = (width - 60) / Double(points.count - 1)
        var path = ""
        var labels = ""
        for (index, point) in points.enumerated() {
            let x = 40 + Double(index) * step
            let y = 10 + (height - 40) * (1 - (point.meanTotal ?? 0) / 100)
            path += (index == 0 ? "M" : " L") + "\(Int(x)),\(Int(y))"
            labels += "<circle cx=\"\(Int(x))\" cy=\"\(Int(y))\" r=\"3\" fill=\"#2f6fde\"/>"
            labels += "<text x=\"\(Int(x))\" y=\"\(Int(height - 8))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6575\">\(point.period.htmlEscaped)</text>"
            labels += "<text x=\"\(Int(x))\" y=\"\(Int(y) - 7)\" font-size=\"11\" text-anchor=\"middle\">\(Self.score(point.meanTotal).htmlEscaped)</text>"
        }
        return """
            <svg width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="mean score per period">
            <line x1="40" y1="\(Int(height - 30))" x2="\(Int(width - 20))" y2="\(Int(height - 30))" stroke="#c5ccd8"/>
            <text x="4" y="14" font-size="11" fill="#5b6575">100</text><text x="4" y="\(Int(height - 30))" font-size="11" fill="#5b6575">0</text>
            <path d="\(path)" fill="none" stroke="#2f6fde" stroke-width="2"/>\(labels)</svg>

            """
    }
}
