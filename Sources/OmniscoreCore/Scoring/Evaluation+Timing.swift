extension Evaluation {
    /// Whether event `event` satisfies the check's kind and detail conditions.
    func matches(_ event: InteractionEvent, _ check: EventCheck) -> Bool {
        guard event.kind == check.kind else { return false }
        for condition in check.conditions {
            let value = event[detail: condition.key]
            switch condition.test {
            case .exists:
                guard let value, value != .null else { return false }
            case .absent:
                if let value, value != .null { return false }
            case .equals(let options):
                guard let text = value?.textValue?.lowercased(), options.contains(where: { $0.lowercased() == text }) else { return false }
            case .atLeast(let bound):
                guard let number = value?.numberValue, number >= bound else { return false }
            case .atMost(let bound):
                guard let number = value?.numberValue, number <= bound else { return false }
            }
        }
        return true
    }

    static func describe(_ check: EventCheck) -> String {
        var text = check.kind
        let conditions = check.conditions.map { condition -> String in
            switch condition.test {
            case .exists: return "\(condition.key) set"
            case .absent: return "no \(condition.key)"
            case .equals(let options): return "\(condition.key) \(options.joined(separator: "|"))"
            case .atLeast(let bound): return "\(condition.key) ≥ \(Evaluation.format(bound))"
            case .atMost(let bound): return "\(condition.key) ≤ \(Evaluation.format(bound))"
            }
        }
        if !conditions.isEmpty { text += " (" + conditions.joined(separator: ", ") + ")" }
        return text
    }

    /// Structured events matching kind and detail conditions, counted against bounds. Inside a trigger window
    /// only events timed between the window's first and last message count.
    func evaluateEvent(_ check: EventCheck, in window: Window) -> Outcome {
        var bounds: ClosedRange<Timestamp>? = nil
        if !window.isFull {
            let times = window.messages.compactMap { self.time(ofMessage: $0) }
            if let low = times.min(), let high = times.max() { bounds = low...high }
        }
        let matching = self.interaction.events.indices.filter { index in
            let event = self.interaction.events[index]
            guard self.matches(event, check) else { return false }
            if let bounds, let at = event.at { return bounds.contains(at) }
            return true
        }
        let name = Evaluation.describe(check)
        let evidence = matching.prefix(5).map { self.evidence(event: $0) }
        let time = matching.first.flatMap { self.interaction.events[$0].at }
        if matching.count < check.minimum {
            return .fail(matching.isEmpty ? "no \(name) event" : "\(matching.count) \(name) event(s), at least \(check.minimum) needed", evidence)
        }
        if let maximum = check.maximum, matching.count > maximum {
            return .fail("\(matching.count) \(name) event(s), at most \(maximum) allowed", evidence, time: time)
        }
        if matching.isEmpty { return .pass("no \(name) event") }
        let at = time.map { " at \($0)" } ?? ""
        return .pass("\(name) event\(at)", evidence, time: time)
    }

    /// A place in the interaction: its time when known and a sequence number (message index, or message index
    /// plus one half for an event after that message).
    struct Position {
        var time: Timestamp?
        var sequence: Double?
        var evidence: Evidence
        var label: String
    }

    func firstOccurrence(of steps: [Step]) -> Position? {
        var best: Position? = nil
        for step in steps {
            var candidate: Position? = nil
            switch step {
            case .event(let check):
                if let index = self.interaction.events.firstIndex(where: { self.matches($0, check) }) {
                    let event = self.interaction.events[index]
                    var sequence: Double? = nil
                    if let at = event.at, self.interaction.messages.allSatisfy({ $0.at != nil }) {
                        let before = self.interaction.messages.lastIndex { $0.at! <= at } ?? -1
                        sequence = Double(before) + 0.5
                    }
                    candidate = Position(time: event.at, sequence: sequence, evidence: self.evidence(event: index), label: "the \(Evaluation.describe(check)) event")
                }
            case .phrases(let lists, let speaker):
                let first = lists.flatMap { Array(self.hits[list: $0]) }
                    .filter { speaker.includes(self.interaction.messages[Int($0.message)].role) }
                    .min { ($0.message, $0.start) < ($1.message, $1.start) }
                if let first {
                    let index = Int(first.message)
                    candidate = Position(time: self.time(ofMessage: index), sequence: Double(index), evidence: self.evidence(for: first), label: "\"\(self.quote(of: first))\" (\(Evaluation.ordinal(index)))")
                }
            }
            if let candidate, best == nil || Evaluation.precedes(candidate, best!) == true {
                best = candidate
            }
        }
        return best
    }

    /// Whether `a` happens no later than `b`; `nil` when the two cannot be ordered.
    static func precedes(_ a: Position, _ b: Position) -> Bool? {
        if let x = a.time, let y = b.time { return x <= y }
        if let x = a.sequence, let y = b.sequence { return x <= y }
        return nil
    }

    /// Step A before step B: N/A when B never happens; fails when B happens without A before it.
    func evaluateOrder(_ check: OrderCheck) -> Outcome {
        guard let then = self.firstOccurrence(of: check.then) else {
            return .na("none of \(self.describe(check.then)) happened")
        }
        guard let first = self.firstOccurrence(of: check.first) else {
            return .fail("\(then.label) happened, but \(self.describe(check.first)) never did", [then.evidence])
        }
        guard let ordered = Evaluation.precedes(first, then) else {
            return .na("cannot tell whether \(first.label) came before \(then.label): they are not timed")
        }
        if ordered {
            return .pass("\(first.label) came before \(then.label)", [first.evidence, then.evidence])
        }
        return .fail("\(then.label) came before \(first.label)", [then.evidence, first.evidence])
    }

    func describe(_ steps: [Step]) -> String {
        steps.map { step -> String in
            switch step {
            case .event(let check): return "a \(Evaluation.describe(check)) event"
            case .phrases(let lists, let speaker): return "\(Evaluation.indefinite(self.listNames(lists))) phrase by \(Evaluation.describe(speaker))"
            }
        }.joined(separator: " or ")
    }

    /// The first agent reply within the channel's limit, measured from the customer's first message (or from the
    /// start, on channels such as voice). N/A for outbound contacts, untimed messages and channels without a limit.
    func evaluateFirstResponse(_ check: FirstResponseCheck) -> Outcome {
        let messages = self.interaction.messages
        guard let agent = messages.firstIndex(where: { $0.role == .agent }) else {
            return .fail("no agent reply at all")
        }
        guard let limit = check.limits[self.interaction.channel] else {
            return .na("no first-response target for \(self.interaction.channel.rawValue)")
        }
        let from: Timestamp?
        let fromLabel: String
        if check.fromStart.contains(self.interaction.channel) {
            from = self.interaction.startedAt
            fromLabel = "the start"
        } else {
            guard let customer = messages.firstIndex(where: { $0.role == .customer }), customer < agent else {
                return .na("the agent wrote first (outbound contact)")
            }
            from = messages[customer].at
            fromLabel = "the customer's first message"
        }
        guard let start = from, let reply = messages[agent].at else {
            return .na("messages have no timestamps")
        }
        let elapsed = reply - start
        let evidence = [self.evidence(message: agent, note: "first agent reply after \(elapsed.compactDescription)")]
        if elapsed <= limit {
            return .pass("first agent reply \(elapsed.compactDescription) after \(fromLabel) (target \(limit.compactDescription))", evidence, time: reply, message: agent)
        }
        return .fail("first agent reply \(elapsed.compactDescription) after \(fromLabel), over the \(limit.compactDescription) target", evidence, time: reply, message: agent)
    }

    func locate(_ anchor: Anchor) -> Position? {
        let messages = self.interaction.messages
        switch anchor {
        case .start:
            return Position(time: self.interaction.startedAt, sequence: -1, evidence: Evidence(note: "start"), label: "the start")
        case .end:
            guard let end = self.interaction.endedAt ?? messages.last?.at else { return nil }
            return Position(time: end, sequence: Double(messages.count), evidence: Evidence(note: "end"), label: "the end")
        case .firstMessage(let speaker):
            guard let index = messages.firstIndex(where: { speaker.includes($0.role) }) else { return nil }
            return Position(time: messages[index].at, sequence: Double(index), evidence: self.evidence(message: index), label: "\(Evaluation.describe(speaker))'s first message")
        case .lastMessage(let speaker):
            guard let index = messages.lastIndex(where: { speaker.includes($0.role) }) else { return nil }
            return Position(time: messages[index].at, sequence: Double(index), evidence: self.evidence(message: index), label: "\(Evaluation.describe(speaker))'s last message")
        case .event(let kind):
            return self.firstOccurrence(of: [.event(EventCheck(kind: kind))])
        case .phrases(let lists, let speaker):
            return self.firstOccurrence(of: [.phrases(lists: lists, speaker: speaker)])
        }
    }

    /// The time between two anchors within the channel's limit; N/A when either anchor is missing or untimed.
    func evaluateElapsed(_ check: ElapsedCheck) -> Outcome {
        guard let limit = check.limits[self.interaction.channel] else {
            return .na("no time limit for \(self.interaction.channel.rawValue)")
        }
        guard let from = self.locate(check.from) else { return .na("the starting point never happened") }
        guard let to = self.locate(check.to) else { return .na("\(from.label) happened, the end point never did") }
        guard let start = from.time, let end = to.time else {
            return .na("cannot time \(from.label) to \(to.label): not timed")
        }
        let elapsed = end - start
        let evidence = [from.evidence, to.evidence]
        if elapsed <= limit {
            return .pass("\(elapsed.compactDescription) from \(from.label) to \(to.label) (limit \(limit.compactDescription))", evidence, time: end)
        }
        return .fail("\(elapsed.compactDescription) from \(from.label) to \(to.label), over the \(limit.compactDescription) limit", evidence, time: end)
    }
}
