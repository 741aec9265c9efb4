public import OmniscoreCore

/// A human-readable summary of a rubric: what it scores, how, and with which weights, for QA leads reviewing a
/// change and trainers reading the coaching text.
public enum RubricExplainer {
    public static func explain(_ rubric: Rubric) -> String {
        var lines: [String] = []
        lines.append("\(rubric.title) (\(rubric.id) \(rubric.version))")
        lines.append("sha256 \(rubric.sha256)")
        if !rubric.description.isEmpty { lines.append(rubric.description) }
        lines.append("")
        lines.append("Channels: \(rubric.channels.sorted().map(\.rawValue).joined(separator: ", ")). Languages: \(rubric.languages.isEmpty ? "any" : rubric.languages.joined(separator: ", ")).")
        lines.append("Pass mark \(format(rubric.scoring.passMark)); a failed critical criterion sets the total to \(format(rubric.scoring.autoFailScore)).")
        lines.append("Not scored: fewer than \(rubric.scoring.minimumAgentMessages) agent message(s) or \(rubric.scoring.minimumWords) words; journey checks look back \(rubric.journeyWindow.compactDescription).")
        if rubric.scope != nil {
            lines.append("Scope: \(rubric.scopeDescription.isEmpty ? "a custom condition" : rubric.scopeDescription); anything else is not scored (out_of_scope).")
        }
        let weighted = rubric.sections.allSatisfy { $0.weight != nil }
        let totalWeight = rubric.sections.compactMap(\.weight).reduce(0, +)
        for section in rubric.sections {
            lines.append("")
            let share = weighted && totalWeight > 0 ? " — \(format(100 * section.weight! / totalWeight))% of the total" : ""
            lines.append("[\(section.id)] \(section.title)\(share)")
            for criterion in section.criteria {
                var flags: [String] = []
                if criterion.severity == .critical { flags.append("CRITICAL: failing sets the total to \(format(rubric.scoring.autoFailScore))") }
                if criterion.isBonus { flags.append("bonus") }
                if let channels = criterion.channels { flags.append("only on " + channels.sorted().map(\.rawValue).joined(separator: ", ")) }
                let suffix = flags.isEmpty ? "" : " [" + flags.joined(separator: "; ") + "]"
                lines.append("  \(criterion.id) (\(format(criterion.points)) pts)\(suffix): \(criterion.title)")
                if let applies = criterion.appliesWhen { lines.append("      applies when: \(describe(applies, rubric))") }
                lines.append("      passes when: \(describe(criterion.check, rubric))")
                if !criterion.coaching.isEmpty { lines.append("      coaching: \(criterion.coaching)") }
                if !criterion.examples.isEmpty {
                    lines.append("      examples: " + criterion.examples.map { "\($0.name) (\($0.expected))" }.joined(separator: ", "))
                }
            }
        }
        if let policy = rubric.escalationPolicy {
            lines.append("")
            lines.append("Escalation policy (event \"\(policy.eventKind)\", tier in \"\(policy.tierKey)\"):")
            for trigger in policy.triggers {
                let deadline = describe(trigger.deadline)
                lines.append("  \(trigger.id): tier \(trigger.tier)\(trigger.maximumTier.map { "-\($0)" } ?? "")\(deadline.isEmpty ? "" : ", within \(deadline)") when \(describe(trigger.condition, rubric))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 100).rounded() / 100)
    }

    static func lists(_ indices: [Int], _ rubric: Rubric) -> String {
        indices.map { index in
            let list = rubric.phraseLists[index]
            if list.id.contains("#") { return "\"" + list.phrases.map(\.text).joined(separator: "\" / \"") + "\"" }
            return "\(list.id) (\(list.phrases.count) phrases)"
        }.joined(separator: " or ")
    }

    static func describe<V>(_ limits: ChannelLimits<V>) -> String {
        var parts: [String] = []
        if let value = limits.defaultValue { parts.append(text(value)) }
        let grouped = Dictionary(grouping: limits.perChannel.keys.sorted(), by: { text(limits.perChannel[$0]!) })
        for (value, channels) in grouped.sorted(by: { $0.key < $1.key }) where value != limits.defaultValue.map(text) {
            parts.append("\(value) on \(channels.map(\.rawValue).joined(separator: "/"))")
        }
        return parts.joined(separator: ", ")
    }

    static func text<V>(_ value: V) -> String {
        if let duration = value as? Duration { return duration.compactDescription }
        return "\(value)"
    }

    static func describe(_ check: Check, _ rubric: Rubric) -> String {
        switch check {
        case .all(let children): return "all of (" + children.map { describe($0, rubric) }.joined(separator: "; ") + ")"
        case .any(let children): return "any of (" + children.map { describe($0, rubric) }.joined(separator: "; ") + ")"
        case .not(let child): return "not (" + describe(child, rubric) + ")"
        case .phrases(let p):
            let scope: String
            switch p.scope {
            case .all: scope = ""
            case .first(let n): scope = " in their first \(n) message(s)"
            case .last(let n): scope = " in their last \(n) message(s)"
            }
            if p.maximum == 0 { return "\(p.speaker.rawValue) never says \(lists(p.lists, rubric))\(scope)" }
            var bounds = p.minimum == 1 ? "" : " at least \(p.minimum) times"
            if let maximum = p.maximum { bounds += " at most \(maximum) times" }
            return "\(p.speaker.rawValue) says \(lists(p.lists, rubric))\(bounds)\(scope)"
        case .after(let a):
            let trigger: String
            switch a.trigger {
            case .phrases(let l, let s): trigger = "\(s.rawValue) says \(lists(l, rubric))"
            case .frustration(let t): trigger = "the customer's frustration reaches \(format(t * 100))/100"
            case .event(let k): trigger = "a \(k) event"
            }
            return "after \(trigger), within \(a.window) agent message(s): \(describe(a.then, rubric)) (N/A if it never happens)"
        case .event(let e):
            var text = "a \(e.kind) event"
            for c in e.conditions {
                switch c.test {
                case .exists: text += " with \(c.key)"
                case .absent: text += " without \(c.key)"
                case .equals(let o): text += " with \(c.key) = \(o.joined(separator: "|"))"
                case .atLeast(let v): text += " with \(c.key) ≥ \(format(v))"
                case .atMost(let v): text += " with \(c.key) ≤ \(format(v))"
                }
            }
            if e.minimum != 1 { text += " (at least \(e.minimum))" }
            if let maximum = e.maximum { text += " (at most \(maximum))" }
            return text
        case .order(let o):
            func steps(_ s: [Step]) -> String {
                s.map { step -> String in
                    switch step {
                    case .event(let e): return "\(e.kind) event"
                    case .phrases(let l, let sp): return "\(sp.rawValue) says \(lists(l, rubric))"
                    }
                }.joined(separator: " or ")
            }
            return "\(steps(o.first)) before \(steps(o.then)) (N/A if the latter never happens)"
        case .firstResponse(let f): return "first agent reply within \(describe(f.limits))"
        case .elapsed(let e): return "\(e.from) to \(e.to) within \(describe(e.limits))"
        case .repeatContact(let r): return "at least \(r.minimumPrevious) earlier contact(s)\(r.sameIssue ? " about the same issue" : "") within \(r.window.compactDescription)"
        case .askedAgain(let a): return "the agent never asks again for " + a.items.map(\.info.rawValue).joined(separator: ", ") + " already given"
        case .tone(let t):
            var bounds: [String] = []
            if let minimum = t.minimum { bounds.append("≥ \(format(minimum * 100))") }
            if let maximum = t.maximum { bounds.append("≤ \(format(maximum * 100))") }
            return "\(t.aggregate.rawValue) \(t.metric.rawValue) of \(t.speaker.rawValue) messages \(bounds.joined(separator: " and "))/100"
        case .drift(let d): return "agent politeness varies by at most \(format(d.maximumRange * 100)) points (N/A under \(d.minimumMessages) agent messages)"
        case .journeyDrift(let j): return "agent warmth \(j.colderOnly ? "no more than \(format(j.maximumDifference * 100)) points colder than" : "within \(format(j.maximumDifference * 100)) points of") the customer's earlier \(j.otherChannelsOnly ? "other-channel " : "")contacts"
        case .style(let s): return "\(s.speaker.rawValue) \(s.metric.rawValue) per message at most \(describe(s.limits))"
        case .frustration(let f): return "at least \(f.minimumMessages) \(f.consecutive ? "consecutive " : "")customer message(s) at frustration ≥ \(format(f.threshold * 100))/100"
        case .amount(let a): return "an amount over \(format(a.over)) (\(a.speaker.rawValue) messages or \(a.eventKinds.joined(separator: "/")) events)"
        case .escalation(let facet): return "escalation policy: \(facet.rawValue)"
        case .channel(let channels): return "channel is " + channels.sorted().map(\.rawValue).joined(separator: " or ")
        case .promises(let p):
            let kinds = p.kinds.map { "\($0.name) (\(lists($0.lists, rubric)); \($0.events.joined(separator: "/")))" }.joined(separator: ", ")
            return "every promise carries " + p.requirements.sorted().map(\.rawValue).joined(separator: ", ") + ": " + kinds + " (N/A without a promise)"
        case .handover(let h):
            return "every handover (\(h.events.joined(separator: "/")) or a bot giving way to a person) carries a summary (\(h.summaryKeys.joined(separator: "/")) or \(lists(h.summaryLists, rubric))) and does not make the customer start again (\(lists(h.restartLists, rubric))) (N/A without a handover)"
        case .reference(let r): return "\(r.speaker.rawValue) gives a reference, or an event records one"
        case .timeWindow(let t): return "\(t.speaker.rawValue) gives a time, or an event records one"
        case .botLoop(let b): return "the bot loops (repeats itself or fails to understand) \(b.repeats) times"
        case .need(let minimum): return "escalation need ≥ \(format(minimum * 100))/100"
        }
    }
}
