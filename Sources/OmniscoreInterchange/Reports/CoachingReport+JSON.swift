public import OmniscoreCore

extension CoachingReport {
    /// The full report as JSON (stable key order, two-decimal numbers).
    public func json() -> String {
        var w = JSONWriter(capacity: 4096)
        w.beginObject()
        w.key("id"); w.string(self.id)
        w.key("agent_id"); w.string(self.agentID)
        w.key("agent_name"); w.optionalString(self.agentName)
        w.key("team"); w.optionalString(self.team)
        w.key("period"); w.string(self.period)
        w.key("previous_period"); w.string(self.previousPeriod)
        w.key("rubric"); w.beginObjectValue()
        w.key("id"); w.string(self.rubricID)
        w.key("version"); w.string(self.rubricVersion)
        w.key("sha256"); w.string(self.rubricSHA256)
        w.endObject()
        w.key("interactions"); w.int(self.interactions)
        w.key("previous_interactions"); w.int(self.previousInteractions)
        w.key("too_few"); w.bool(self.isTooFew)
        w.key("overall"); w.optionalNumber(self.overall)
        w.key("previous_overall"); w.optionalNumber(self.previousOverall)
        w.key("team_median_overall"); w.optionalNumber(self.teamMedianOverall)
        w.key("customer_outcome"); w.optionalNumber(self.customerOutcome)
        w.key("previous_customer_outcome"); w.optionalNumber(self.previousCustomerOutcome)
        if let note = self.versionNote { w.key("version_note"); w.string(note) }
        w.key("sections"); w.beginArrayValue()
        for section in self.sections {
            w.beginObject()
            w.key("id"); w.string(section.id)
            w.key("score"); w.optionalNumber(section.mean)
            w.key("previous"); w.optionalNumber(section.previousMean)
            w.key("team_median"); w.optionalNumber(section.teamMedian)
            w.endObject()
        }
        w.endArray()
        w.key("focus"); w.beginArrayValue()
        for item in self.focus {
            w.beginObject()
            w.key("criterion"); w.string(item.criterion.id)
            w.key("title"); w.string(item.criterion.title)
            w.key("priority"); w.number(item.criterion.priority)
            w.key("coaching"); w.string(item.coaching)
            w.key("excerpts"); w.beginArrayValue()
            for excerpt in item.excerpts {
                w.beginObject()
                w.key("interaction"); w.string(excerpt.interactionID)
                w.key("quote"); w.string(excerpt.quote)
                w.key("reason"); w.string(excerpt.reason)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("strengths"); w.beginArrayValue()
        for line in self.strengths { w.string(line.id) }
        w.endArray()
        w.key("criteria"); w.beginArrayValue()
        for line in self.criteria {
            w.beginObject()
            w.key("id"); w.string(line.id)
            w.key("section"); w.string(line.section)
            w.key("passes"); w.int(line.current.passes)
            w.key("fails"); w.int(line.current.fails)
            w.key("pass_rate"); w.optionalNumber(line.current.passRate)
            if let interval = line.current.interval {
                w.key("interval"); w.beginArrayValue(); w.number(interval.low); w.number(interval.high); w.endArray()
            }
            w.key("previous_pass_rate"); w.optionalNumber(line.previous?.passRate)
            w.key("team_median_pass_rate"); w.optionalNumber(line.teamMedianPassRate)
            w.key("too_few"); w.bool(line.isTooFew)
            w.endObject()
        }
        w.endArray()
        w.key("channels"); w.beginArrayValue()
        for channel in self.channels {
            w.beginObject()
            w.key("channel"); w.string(channel.channel)
            w.key("interactions"); w.int(channel.count)
            w.key("score"); w.optionalNumber(channel.meanTotal)
            w.key("tone"); w.optionalNumber(channel.meanTone)
            w.endObject()
        }
        w.endArray()
        w.key("tone_spread"); w.optionalNumber(self.toneSpread)
        w.key("escalation_mistakes"); w.beginArrayValue()
        for mistake in self.escalationMistakes {
            w.beginObject()
            w.key("interaction"); w.string(mistake.interactionID)
            w.key("kind"); w.string(mistake.kind)
            w.key("channel"); w.string(mistake.channel)
            w.endObject()
        }
        w.endArray()
        w.key("trend"); w.beginArrayValue()
        for point in self.trend {
            w.beginObject()
            w.key("period"); w.string(point.period)
            w.key("interactions"); w.int(point.count)
            w.key("score"); w.optionalNumber(point.meanTotal)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The compact summary written under one key of the agent's shared profile and sent to the sink.
    public func profileSummary() -> String {
        var w = JSONWriter(capacity: 512)
        w.beginObject()
        w.key("period"); w.string(self.period)
        w.key("report_id"); w.string(self.id)
        w.key("rubric"); w.beginObjectValue()
        w.key("id"); w.string(self.rubricID)
        w.key("version"); w.string(self.rubricVersion)
        w.endObject()
        w.key("interactions"); w.int(self.interactions)
        w.key("overall"); w.optionalNumber(self.overall)
        w.key("sections"); w.beginObjectValue()
        for section in self.sections { w.key(section.id); w.optionalNumber(section.mean) }
        w.endObject()
        w.key("focus"); w.beginArrayValue()
        for item in self.focus { w.string(item.criterion.id) }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
