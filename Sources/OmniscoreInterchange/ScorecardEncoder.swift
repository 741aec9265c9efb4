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
        w.name("id")
        w.string(card.interactionID)
        w.name("agent_id")
        w.optionalString(card.agentID)
        w.name("customer_id")
        w.string(card.customerID)
        w.name("channel")
        w.string(card.channel.rawValue)
        if let team = card.team {
            w.name("team")
            w.string(team)
        }
        w.name("started_at")
        w.string(ISO8601.format(card.startedAt))
        w.name("rubric")
        w.beginObjectValue()
        w.name("id")
        w.string(card.rubric.id)
        w.name("version")
        w.string(card.rubric.version)
        w.name("sha256")
        w.string(card.rubric.sha256)
        w.endObject()
        if let language = card.language {
            w.name("language")
            w.string(language)
        }
        switch card.status {
        case .notScored(let reason, let detail):
            w.name("status")
            w.string("not_scored")
            w.name("reason")
            w.string(reason.rawValue)
            w.name("detail")
            w.string(detail)
            w.endObject()
            return
        case .scored:
            w.name("status")
            w.string("scored")
        }
        w.name("total")
        w.optionalNumber(card.total)
        w.name("passed")
        w.bool(card.isPassed)
        w.name("auto_failed")
        w.bool(card.isAutoFailed)
        w.name("sections")
        w.beginArrayValue()
        for section in card.sections {
            w.beginObjectValue()
            w.name("id")
            w.string(section.id)
            w.name("score")
            w.optionalNumber(section.score)
            w.name("points")
            w.number(section.points)
            w.name("max")
            w.number(section.maximum)
            w.endObject()
        }
        w.endArray()
        if let tone = card.tone {
            w.name("tone")
            w.beginObjectValue()
            w.name("score")
            w.number(tone.score)
            w.name("politeness")
            w.optionalNumber(tone.politeness)
            w.name("frustration")
            w.optionalNumber(tone.frustration)
            w.name("customer_sentiment")
            w.optionalNumber(tone.customerSentiment)
            w.name("drift")
            w.optionalNumber(tone.drift)
            w.name("messages")
            w.beginArrayValue()
            for value in tone.messages { w.optionalNumber(value) }
            w.endArray()
            w.endObject()
        }
        if let customer = card.customer {
            w.name("customer")
            w.beginObjectValue()
            w.name("frustration")
            w.beginObjectValue()
            w.name("start")
            w.optionalNumber(customer.frustrationStart)
            w.name("peak")
            w.optionalNumber(customer.frustrationPeak)
            w.name("end")
            w.optionalNumber(customer.frustrationEnd)
            w.endObject()
            w.name("outcome")
            w.number(customer.outcome)
            w.name("drivers")
            w.beginArrayValue()
            for driver in customer.drivers { w.string(driver) }
            w.endArray()
            w.endObject()
        }
        if let escalation = card.escalation {
            w.name("escalation")
            self.write(escalation, need: card.escalationNeed, to: &w)
        } else if card.isScored, let need = card.escalationNeed {
            w.name("escalation")
            w.beginObjectValue()
            w.name("need")
            w.number(need)
            w.endObject()
        }
        w.name("criteria")
        w.beginArrayValue()
        for result in card.criteria {
            w.beginObjectValue()
            w.name("id")
            w.string(result.id)
            w.name("section")
            w.string(result.section)
            w.name("verdict")
            w.string(result.verdict.rawValue)
            w.name("points")
            w.number(result.points)
            w.name("max")
            w.number(result.maximum)
            if result.isCritical {
                w.name("critical")
                w.bool(true)
            }
            if result.isBonus {
                w.name("bonus")
                w.bool(true)
            }
            w.name("reason")
            w.string(result.reason)
            w.name("evidence")
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
        w.name("verdict")
        w.string(escalation.kind.rawValue)
        w.name("need")
        w.optionalNumber(need)
        w.name("required_tier")
        if let tier = escalation.requiredTier { w.int(tier) } else { w.null() }
        w.name("escalated_tier")
        if let tier = escalation.escalatedTier { w.int(tier) } else { w.null() }
        w.name("escalated_at")
        w.optionalString(escalation.escalatedAt.map(ISO8601.format))
        w.name("deadline")
        w.optionalString(escalation.deadline.map(ISO8601.format))
        if let to = escalation.escalatedTo {
            w.name("escalated_to")
            w.string(to)
        }
        if escalation.handoffMessage != nil || escalation.handoffAt != nil {
            w.name("handoff_at")
            w.optionalString(escalation.handoffAt.map(ISO8601.format))
            w.name("bot_replies_after_trigger")
            w.int(escalation.botRepliesAfterTrigger)
        }
        if !escalation.summary.isEmpty {
            w.name("summary")
            w.string(escalation.summary)
        }
        w.name("triggers")
        w.beginArrayValue()
        for trigger in escalation.fired {
            w.beginObjectValue()
            w.name("id")
            w.string(trigger.id)
            w.name("tier")
            w.int(trigger.tier)
            w.name("at")
            w.optionalString(trigger.at.map(ISO8601.format))
            w.name("deadline")
            w.optionalString(trigger.deadline.map(ISO8601.format))
            if !trigger.destinations.isEmpty {
                w.name("to")
                w.beginArrayValue()
                for destination in trigger.destinations { w.string(destination) }
                w.endArray()
            }
            if trigger.isHandoff {
                w.name("handoff")
                w.bool(true)
            }
            w.name("reason")
            w.string(trigger.reason)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    static func write(_ evidence: Evidence, to w: inout JSONWriter) {
        w.beginObjectValue()
        if let message = evidence.message {
            w.name("message")
            w.int(message)
        }
        if let speaker = evidence.speaker {
            w.name("speaker")
            w.string(speaker.rawValue)
        }
        if let start = evidence.start, let end = evidence.end {
            w.name("start")
            w.int(start)
            w.name("end")
            w.int(end)
        }
        if let quote = evidence.quote {
            w.name("quote")
            w.string(quote)
        }
        if let event = evidence.event {
            w.name("event")
            w.int(event)
        }
        if let kind = evidence.eventKind {
            w.name("event_kind")
            w.string(kind)
        }
        if let interaction = evidence.interaction {
            w.name("interaction")
            w.string(interaction)
        }
        if let note = evidence.note {
            w.name("note")
            w.string(note)
        }
        w.endObject()
    }
}
