public import OmniscoreCore

extension CoachingReport {
    /// The report as Markdown, for a ticket or a chat message.
    public func markdown() -> String {
        var md = "# Coaching report: \(Self.text(self.agentName ?? self.agentID)) (\(Self.text(self.agentID)))\n\n"
        md += "Period **\(self.period)**" + (self.team.map { " · team \(Self.text($0))" } ?? "") + " · rubric `\(self.rubricID)` \(self.rubricVersion) (sha256 `\(self.rubricSHA256.prefix(12))`)\n\n"
        if let note = self.versionNote { md += "> \(note)\n\n" }
        md += "**Overall \(Self.score(self.overall))** over \(self.sampleText)"
        md += "; previous period (\(self.previousPeriod)) \(Self.score(self.previousOverall)) over \(self.previousInteractions)"
        let delta = Self.delta(self.overall, self.previousOverall)
        if !delta.isEmpty { md += " (\(delta))" }
        md += "; team median \(Self.score(self.teamMedianOverall)).\n\n"
        if let outcome = self.customerOutcome {
            md += "Customers' likely outcome **\(Self.score(outcome))**/100 (previous period \(Self.score(self.previousCustomerOutcome))): how satisfied the agent's customers are likely to be at the end of their conversations.\n\n"
        }

        md += "## Sections\n\n| section | score | previous | team median |\n|---|---|---|---|\n"
        for section in self.sections {
            md += "| \(section.title) | \(Self.score(section.mean)) | \(Self.score(section.previousMean)) | \(Self.score(section.teamMedian)) |\n"
        }

        md += "\n## Focus areas\n\n"
        if self.focus.isEmpty { md += "No criterion failed in this period.\n" }
        for (rank, item) in self.focus.enumerated() {
            let line = item.criterion
            md += "### \(rank + 1). \(line.title) (`\(line.id)`)\n\n"
            md += "Passed \(line.current.passes) of \(line.current.applicable) (\(Self.percent(line.current.passRate)), 95% interval \(Self.interval(line.current)))"
            if let previous = line.previous, previous.applicable > 0 { md += "; previous period \(Self.percent(previous.passRate)) of \(previous.applicable)" }
            md += "; team median \(Self.percent(line.teamMedianPassRate))."
            if line.isTooFew { md += " *Too few interactions to judge with confidence.*" }
            md += "\n\n"
            if !item.coaching.isEmpty { md += "**Coaching:** \(item.coaching)\n\n" }
            for excerpt in item.excerpts {
                md += "- \(Self.code(excerpt.interactionID)): " + (excerpt.quote.isEmpty ? "" : "“\(Self.text(excerpt.quote))” — ") + "\(Self.text(excerpt.reason))\n"
            }
            if !item.excerpts.isEmpty { md += "\n" }
        }

        md += "## Strengths\n\n"
        if self.strengths.isEmpty { md += "Not enough interactions yet to name strengths with confidence.\n" }
        for line in self.strengths {
            md += "- \(line.title): passed \(line.current.passes) of \(line.current.applicable)\n"
        }

        md += "\n## Channels\n\n| channel | interactions | score | tone |\n|---|---|---|---|\n"
        for channel in self.channels {
            md += "| \(channel.channel) | \(channel.count) | \(Self.score(channel.meanTotal)) | \(Self.score(channel.meanTone)) |\n"
        }
        if let spread = self.toneSpread {
            md += "\nCross-channel tone consistency: the mean tone score differs by \(Self.score(spread)) points between channels" + (spread > 15 ? " — worth a look." : ".") + "\n"
        }

        md += "\n## Escalation mistakes\n\n"
        if self.escalationMistakes.isEmpty { md += "None.\n" }
        for mistake in self.escalationMistakes {
            md += "- `\(mistake.interactionID)` (\(mistake.channel)): \(String(mistake.kind.map { $0 == "_" ? " " : $0 }))\n"
        }

        md += "\n## Trend\n\n| period | interactions | score |\n|---|---|---|\n"
        for point in self.trend {
            md += "| \(point.period) | \(point.count) | \(Self.score(point.meanTotal)) |\n"
        }

        md += "\n## Every criterion\n\n| criterion | passed | rate | 95% interval | previous | team median |\n|---|---|---|---|---|---|\n"
        for line in self.criteria where line.current.applicable > 0 || (line.previous?.applicable ?? 0) > 0 {
            md += "| \(line.id) | \(line.current.passes)/\(line.current.applicable) | \(Self.percent(line.current.passRate)) | \(Self.interval(line.current)) | \(Self.percent(line.previous?.passRate)) | \(Self.percent(line.teamMedianPassRate)) |\n"
        }
        md += "\nReport `\(self.id)`. Personal data in excerpts is masked; the unmasked transcripts stay in the database.\n"
        return md
    }

    /// Text from outside the report's control (names, teams, quotes) as inert Markdown: the characters that make
    /// emphasis, code, links, images, HTML, entities and table cells are backslash-escaped, and line breaks become
    /// spaces, so a name can neither add markup nor break out of its line (where a heading or list would start).
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        let characters = Array(value)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "_", "!", "|", "<", ">", "~", "&":
                out.append("\\")
                out.append(character)
            case "]" where index + 1 < characters.count && ["(", "[", ":"].contains(characters[index + 1]):
                // Only a "]" that would close a link or a reference: masked tags such as [name] stay readable.
                out.append("\\]")
            case "\n", "\r", "\r\n", "\t":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }

    /// An id as a code span; a backtick in it would end the span, so it becomes an apostrophe.
    static func code(_ value: String) -> String {
        "`" + String(value.map { $0 == "`" || $0.isNewline ? "'" : $0 }) + "`"
    }
}
