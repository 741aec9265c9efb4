public import OmniscoreCore

/// Writes a `Scorecard` as one JSONL line of the output format (see docs/rubrics.md, "Output").
public enum ScorecardEncoder {
    /// The JSON bytes of `scorecard`, without a newline.
    public static func encode(_ scorecard: Scorecard) -> [UInt8] {
        var w = JSONWriter(capacity: 2048)
        self.write(scorecard, to: &w)
        return w.bytes
    }

    /// The JSON text of `scorecard`, without a newline.
    public static func encodeString(_ scorecard: Scorecard) -> String {
        String(decoding: self.encode(scorecard), as: UTF8.self)
    }

    /// Writes `scorecard` as an object value into `w`.
    public static func write(_ card: Scorecard, to w: inout JSONWriter) {
        w.beginObjectValue()
        w.key("id")
        w.string(card.interactionID)
        w.key("agent_id")
        w.optionalString(card.agentID)
        w.key("customer_id")
        w.string(card.customerID)
        w.key("channel")
        w.string(card.channel.rawValue)
        if let team = card.team {
            w.key("team")
            w.string(team)
        }
        w.key("started_at")
        w.string(ISO8601.format(card.startedAt))
        w.key("rubric")
        w.beginObjectValue()
        w.key("id")
        w.string(card.rubric.id)
        w.key("version")
        w.string(card.rubric.version)
        w.key("sha256")
        w.string(card.rubric.sha256)
        w.endObject()
        if let language = card.language {
            w.key("language")
            w.string(language)
        }
        switch card.status {
        case .notScored(let reason, let detail):
            w.key("status")
            w.string("not_scored")
            w.key("reason")
            w.string(reason.rawValue)
            w.key("detail")
            w.string(detail)
            w.endObject()
            return
        case .scored:
            w.key("status")
            w.string("scored")
        }
        w.key("total")
        w.optionalNumber(card.total)
        w.key("passed")
        w.bool(card.isPassed)
        w.key("auto_failed")
        w.bool(card.isAutoFailed)
        w.key("sections")
        w.beginArrayValue()
        for section in card.sections {
            w.beginObjectValue()
            w.key("id")
            w.string(section.id)
            w.key("score")
            w.optionalNumber(section.score)
            w.key("points")
            w.number(section.points)
            w.key("max")
            w.number(section.maximum)
            w.endObject()
        }
        w.endArray()
        if let tone = card.tone {
            w.key("tone")
            w.beginObjectValue()
            w.key("score")
            w.number(tone.score)
            w.key("politeness")
            w.optionalNumber(tone.politeness)
            w.key("frustration")
            w.optionalNumber(tone.frustration)
            w.key("customer_sentiment")
            w.optionalNumber(tone.customerSentiment)
            w.key("drift")
            w.optionalNumber(tone.drift)
            w.key("messages")
            w.beginArrayValue()
            for value in tone.messages { w.optionalNumber(value) }
            w.endArray()
            w.endObject()
        }
        if let customer = card.customer {
            w.key("customer")
            w.beginObjectValue()
            w.key("frustration")
            w.beginObjectValue()
            w.key("start")
            w.optionalNumber(customer.frustrationStart)
            w.key("peak")
            w.optionalNumber(customer.frustrationPeak)
            w.key("end")
            w.optionalNumber(customer.frustrationEnd)
            w.endObject()
            w.key("outcome")
            w.number(customer.outcome)
            w.key("drivers")
            w.beginArrayValue()
            for driver in customer.drivers { w.string(driver) }
            w.endArray()
            w.endObject()
        }
        if let escalation = card.escalation {
            w.key("escalation")
            self.write(escalation, need: card.escalationNeed, to: &w)
        } else if card.isScored, let need = card.escalationNeed {
            w.key("escalation")
            w.beginObjectValue()
            w.key("need")
            w.number(need)
            w.endObject()
        }
        w.key("criteria")
        w.beginArrayValue()
        for result in card.criteria {
            w.beginObjectValue()
            w.key("id")
            w.string(result.id)
            w.key("section")
            w.string(result.section)
            w.key("verdict")
            w.string(result.verdict.rawValue)
            w.key("points")
            w.number(result.points)
            w.key("max")
            w.number(result.maximum)
            if result.isCritical {
                w.key("critical")
                w.bool(true)
            }
            if result.isBonus {
                w.key("bonus")
                w.bool(true)
            }
            w.key("reason")
            w.string(result.reason)
            w.key("evidence")
            w.beginArrayValue()
            for evidence in result.evidence { self.write(evidence, to: &w) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    static func write(_ escalation: EscalationOutcome, need: Double?, to w: inout JSONWriter) {
        w.beginObjectValue()
        w.key("verdict")
        w.string(escalation.kind.rawValue)
        w.key("need")
        w.optionalNumber(need)
        w.key("required_tier")
        if let tier = escalation.requiredTier { w.int(tier) } else { w.null() }
        w.key("escalated_tier")
        if let tier = escalation.escalatedTier { w.int(tier) } else { w.null() }
        w.key("escalated_at")
        w.optionalString(escalation.escalatedAt.map(ISO8601.format))
        w.key("deadline")
        w.optionalString(escalation.deadline.map(ISO8601.format))
        if let to = escalation.escalatedTo {
            w.key("escalated_to")
            w.string(to)
        }
        if escalation.handoffMessage != nil || escalation.handoffAt != nil {
            w.key("handoff_at")
            w.optionalString(escalation.handoffAt.map(ISO8601.format))
            w.key("bot_replies_after_trigger")
            w.int(escalation.botRepliesAfterTrigger)
        }
        if !escalation.summary.isEmpty {
            w.key("summary")
            w.string(escalation.summary)
        }
        w.key("triggers")
        w.beginArrayValue()
        for trigger in escalation.fired {
            w.beginObjectValue()
            w.key("id")
            w.string(trigger.id)
            w.key("tier")
            w.int(trigger.tier)
            w.key("at")
            w.optionalString(trigger.at.map(ISO8601.format))
            w.key("deadline")
            w.optionalString(trigger.deadline.map(ISO8601.format))
            if !trigger.destinations.isEmpty {
                w.key("to")
                w.beginArrayValue()
                for destination in trigger.destinations { w.string(destination) }
                w.endArray()
            }
            if trigger.isHandoff {
                w.key("handoff")
                w.bool(true)
            }
            w.key("reason")
            w.string(trigger.reason)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    static func write(_ evidence: Evidence, to w: inout JSONWriter) {
        w.beginObjectValue()
        if let message = evidence.message {
            w.key("message")
            w.int(message)
        }
        if let speaker = evidence.speaker {
            w.key("speaker")
            w.string(speaker.rawValue)
        }
        if let start = evidence.start, let end = evidence.end {
            w.key("start")
            w.int(start)
            w.key("end")
            w.int(end)
        }
        if let quote = evidence.quote {
            w.key("quote")
            w.string(quote)
        }
        if let event = evidence.event {
            w.key("event")
            w.int(event)
        }
        if let kind = evidence.eventKind {
            w.key("event_kind")
            w.string(kind)
        }
        if let interaction = evidence.interaction {
            w.key("interaction")
            w.string(interaction)
        }
        if let note = evidence.note {
            w.key("note")
            w.string(note)
        }
        w.endObject()
    }
}
