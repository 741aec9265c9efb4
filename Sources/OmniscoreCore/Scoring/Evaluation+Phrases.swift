extension Evaluation {
    /// Phrases by a speaker within a scope, counted against the check's bounds.
    func evaluatePhrases(_ check: PhraseCheck, in window: Window) -> Outcome {
        // Which messages count: the speaker's in the window, narrowed to the first or last N for a scope. The
        // usual scope, all of them, is tested message by message without building the list.
        var candidates: [Int] = []
        var allowed: [Bool] = []
        switch check.scope {
        case .all: break
        case .first(let n): candidates = Array(self.messages(of: check.speaker, in: window).prefix(n))
        case .last(let n): candidates = Array(self.messages(of: check.speaker, in: window).suffix(n))
        }
        if check.scope != .all {
            allowed = [Bool](repeating: false, count: self.interaction.messages.count)
            for index in candidates { allowed[index] = true }
        }
        @inline(__always) func counts(_ message: Int) -> Bool {
            if check.scope != .all { return allowed[message] }
            return window.messages.contains(message) && check.speaker.includes(self.interaction.messages[message].role)
        }
        let names = self.listNames(check.lists)
        var place = Evaluation.describe(check.scope, check.speaker)
        if let words = check.withinFirstWords { place += " (within its first \(words) words)" }
        var found: [PhraseHit] = []
        for list in check.lists {
            for hit in self.hits[list: list] where counts(Int(hit.message)) {
                if let words = check.withinFirstWords, hit.firstWord > Int32(words) { continue }
                found.append(hit)
            }
        }
        // One list's hits are already in message and position order.
        if check.lists.count > 1 { found.sort { ($0.message, $0.start) < ($1.message, $1.start) } }
        if check.scope == .all && found.count < check.minimum && !window.messages.contains(where: { check.speaker.includes(self.interaction.messages[$0].role) }) {
            return .fail("no \(names) phrase: \(Evaluation.describe(check.speaker)) sent no messages here")
        }
        let count = found.count
        let evidence = found.prefix(5).map { self.evidence(for: $0) }
        let first = found.first
        let time = first.flatMap { self.time(ofMessage: Int($0.message)) }
        let message = first.map { Int($0.message) }
        if count < check.minimum {
            if check.scope != .all && candidates.isEmpty {
                return .fail("no \(names) phrase: \(Evaluation.describe(check.speaker)) sent no messages here")
            }
            if count == 0 {
                return .fail("no \(names) phrase \(place)")
            }
            return .fail("\(count) \(names) phrase(s) \(place), at least \(check.minimum) needed", evidence)
        }
        if let maximum = check.maximum, count > maximum {
            let quoted = found.prefix(3).map { "\"\(self.quote(of: $0))\" (\(Evaluation.ordinal(Int($0.message))))" }
            let subject = Evaluation.describe(check.speaker)
            if maximum == 0 {
                return .fail("\(subject) used \(names): \(quoted.joined(separator: ", "))", evidence, time: time, message: message)
            }
            return .fail("\(count) \(names) phrase(s) \(place), at most \(maximum) allowed", evidence, time: time, message: message)
        }
        if count == 0 {
            return .pass("no \(names) phrase \(place)")
        }
        let quoted = found.prefix(2).map { "\"\(self.quote(of: $0))\" (\(Evaluation.ordinal(Int($0.message))))" }
        return .pass("\(Evaluation.describe(check.speaker)) said \(quoted.joined(separator: ", "))", evidence, time: time, message: message)
    }

    func quote(of hit: PhraseHit) -> String {
        let range = self.text.originalRange(of: Int(hit.start)..<Int(hit.end))
        return Evaluation.quote(self.interaction.messages[Int(hit.message)].text, Int(range.lowerBound)..<Int(range.upperBound))
    }

    /// Message indices (in `window`) where a trigger occurs, with evidence for each.
    func triggerOccurrences(_ trigger: TriggerSource, in window: Window) -> [(message: Int, evidence: Evidence, label: String)] {
        switch trigger {
        case .phrases(let lists, let speaker):
            var result: [(Int, Evidence, String)] = []
            for list in lists {
                for hit in self.hits[list: list] {
                    let index = Int(hit.message)
                    guard window.messages.contains(index), speaker.includes(self.interaction.messages[index].role) else { continue }
                    result.append((index, self.evidence(for: hit), "\"\(self.quote(of: hit))\""))
                }
            }
            result.sort { $0.0 < $1.0 }
            var unique: [(Int, Evidence, String)] = []
            for item in result where unique.last?.0 != item.0 { unique.append(item) }
            return unique
        case .frustration(let threshold):
            return window.messages.compactMap { index in
                guard let level = self.tone.frustration[index], level >= threshold else { return nil }
                let note = "frustration \(Evaluation.format(level * 100))/100"
                return (index, self.evidence(message: index, note: note), "a frustrated message (\(note))")
            }
        case .event(let kind):
            return self.interaction.events.enumerated().compactMap { eventIndex, event in
                guard event.kind == kind, let at = event.at else { return nil }
                // The event happened after the last message sent at or before its time.
                let after = self.interaction.messages.lastIndex { ($0.at ?? .init(millisecondsSinceEpoch: .max)) <= at } ?? -1
                let index = after
                guard index >= window.messages.lowerBound - 1, index < window.messages.upperBound else { return nil }
                return (index, self.evidence(event: eventIndex), "the \(kind) event")
            }
        }
    }

    /// A check evaluated in the window after each trigger occurrence; N/A when the trigger never occurs.
    ///
    /// The window runs from the message after the trigger to the N-th agent message after it. Trigger messages
    /// that come before the same agent reply form one burst with one window, so three angry messages in a row
    /// need one empathetic answer, not three.
    func evaluateAfter(_ check: AfterCheck, in window: Window) -> Outcome {
        let occurrences = self.triggerOccurrences(check.trigger, in: window)
        guard !occurrences.isEmpty else {
            switch check.trigger {
            case .phrases(let lists, let speaker):
                return .na("\(Evaluation.describe(speaker)) never said \(Evaluation.indefinite(self.listNames(lists))) phrase")
            case .frustration:
                return .na("the customer never showed frustration")
            case .event(let kind):
                return .na("no \(kind) event")
            }
        }
        var passes: [Outcome] = []
        var lastWindowEnd = -1
        for occurrence in occurrences {
            if occurrence.message < lastWindowEnd { continue }  // same burst: already covered by that window
            var end = occurrence.message + 1
            var agentMessages = 0
            while end < window.messages.upperBound, agentMessages < check.window {
                if self.interaction.messages[end].role == .agent { agentMessages += 1 }
                end += 1
            }
            let start = occurrence.message + 1
            lastWindowEnd = end
            let inner = self.evaluate(check.then, in: Window(messages: start..<max(start, end), isFull: false))
            let when = "after \(occurrence.label) in \(Evaluation.ordinal(occurrence.message))"
            switch inner.verdict {
            case .fail:
                return .fail("\(when): \(inner.reason)", [occurrence.evidence] + inner.evidence)
            case .pass:
                passes.append(.pass("\(when): \(inner.reason)", [occurrence.evidence] + inner.evidence))
            case .na:
                continue
            }
        }
        guard let first = passes.first else { return .na("the check did not apply after any trigger") }
        return .pass(passes.count == 1 ? first.reason : "\(first.reason) (and \(passes.count - 1) more)", passes.flatMap(\.evidence))
    }
}
