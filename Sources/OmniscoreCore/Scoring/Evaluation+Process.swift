extension Evaluation {
    /// Whether a message speaks for the company (agent or bot).
    func isStaff(_ index: Int) -> Bool { Speaker.staff.includes(self.interaction.messages[index].role) }

    /// Message `index` and the next `count` staff messages after it.
    func staffMessages(from index: Int, next count: Int) -> [Int] {
        var result = [index]
        var next = index + 1
        while next < self.interaction.messages.count, result.count <= count {
            if self.isStaff(next) { result.append(next) }
            next += 1
        }
        return result
    }

    /// A reference the company gives in message `index`: a ticket, case, booking or complaint number.
    func reference(in index: Int) -> Entity? {
        self.entities[index].first { $0.kind == .orderNumber || $0.kind == .accountNumber }
    }

    /// Whether message `index` commits to a time: a time phrase or a clock time ("at 2pm", "17:30").
    func hasTimeWindow(_ index: Int) -> Bool {
        self.tone.count(.timeWindow, in: index) > 0 || TimeExpressions.containsClockTime(self.interaction.messages[index].text)
    }

    /// Whether an event's detail has a non-empty value under one of `keys`.
    func event(_ index: Int, has keys: [String]) -> Bool {
        let event = self.interaction.events[index]
        return keys.contains { key in event[detail: key]?.textValue.map { !$0.trimmingSpaces.isEmpty } ?? false }
    }

    /// Every promise carries a reference, a time window and the matching event.
    func evaluatePromises(_ check: PromiseCheck) -> Outcome {
        var promises: [(kind: PromiseCheck.Kind, hit: PhraseHit)] = []
        for kind in check.kinds {
            var first: PhraseHit? = nil
            for list in kind.lists {
                // The conditional test reads the message text, so it runs only for a hit that would come first.
                for hit in self.hits[list: list] where self.isStaff(Int(hit.message)) {
                    if first == nil || (hit.message, hit.start) < (first!.message, first!.start), !self.isConditional(hit) { first = hit }
                }
            }
            if let first { promises.append((kind, first)) }
        }
        guard !promises.isEmpty else {
            return .na("no promise of \(check.kinds.map(\.name).joined(separator: ", "))")
        }
        promises.sort { ($0.hit.message, $0.hit.start) < ($1.hit.message, $1.hit.start) }
        var failures: [String] = []
        var passes: [String] = []
        var evidence: [Evidence] = []
        let referenceKeys = ReferenceCheck().keys
        let timeKeys = TimeWindowCheck().keys
        for (kind, hit) in promises {
            let message = Int(hit.message)
            let messages = self.staffMessages(from: message, next: check.window)
            let events = self.interaction.events.indices.filter { kind.events.contains(self.interaction.events[$0].kind) }
            let said = "\"\(self.quote(of: hit))\" (\(Evaluation.ordinal(message)))"
            evidence.append(self.evidence(for: hit, note: "\(kind.name) promise"))
            var missing: [String] = []
            if check.requirements.contains(.reference) {
                // A reference given once in the conversation covers every promise in it.
                let anywhere = messages + self.interaction.messages.indices.filter { self.isStaff($0) && !messages.contains($0) }
                if let index = anywhere.first(where: { self.reference(in: $0) != nil }), let entity = self.reference(in: index) {
                    evidence.append(self.evidence(message: index, range: entity.range, note: "reference"))
                } else if !events.contains(where: { self.event($0, has: referenceKeys) }) {
                    missing.append("a reference")
                }
            }
            if check.requirements.contains(.window), !messages.contains(where: self.hasTimeWindow), !events.contains(where: { self.event($0, has: timeKeys) }) {
                missing.append("a time")
            }
            if check.requirements.contains(.event) {
                if events.isEmpty {
                    missing.append("a \(kind.events.joined(separator: " or ")) event")
                } else {
                    evidence.append(self.evidence(event: events[0]))
                }
            }
            if missing.isEmpty {
                passes.append("\(kind.name) promise \(said) with everything behind it")
            } else {
                failures.append("\(kind.name) promise \(said) without \(missing.joined(separator: ", "))")
            }
        }
        if !failures.isEmpty {
            return .fail("vague promise: " + failures.joined(separator: "; "), evidence)
        }
        return .pass(passes.joined(separator: "; "), evidence)
    }

    /// Whether a phrase hit sits in a condition ("if it hasn't arrived by Friday, we'll chase it"): the sentence
    /// before it opens with if, unless, in case, should or otherwise.
    func isConditional(_ hit: PhraseHit) -> Bool {
        let text = self.interaction.messages[Int(hit.message)].text
        let start = Int(self.text.originalRange(of: Int(hit.start)..<Int(hit.end)).lowerBound)
        // Scalar offsets are byte offsets while the text is ASCII up to the hit (the usual case): scan the bytes
        // back to the sentence start without building strings.
        if let answer = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            guard start <= bytes.count, !bytes[..<start].contains(where: { $0 >= 0x80 }) else { return nil }
            var from = start
            while from > 0 {
                let b = bytes[from - 1]
                if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: "\n") || b == UInt8(ascii: ";") { break }
                from -= 1
            }
            return Evaluation.opensCondition(UnsafeBufferPointer(rebasing: bytes[from..<start]))
        }), let answer {
            return answer
        }
        var scalars = Array(text.unicodeScalars.prefix(start))
        if let boundary = scalars.lastIndex(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\n" || $0 == ";" }) {
            scalars = Array(scalars[(boundary + 1)...])
        }
        let clause = Array(String(String.UnicodeScalarView(scalars)).lowercased().utf8)
        return clause.withUnsafeBufferPointer { Evaluation.opensCondition($0) }
    }

    /// Whether a clause holds a word that makes what follows a condition: if, unless, in case, should, otherwise.
    static func opensCondition(_ clause: UnsafeBufferPointer<UInt8>) -> Bool {
        /// The previous word, when it can open a two-word condition ("in case", "should it").
        enum Previous { case other, inWord, should }
        var previous = Previous.other
        var index = 0
        while index < clause.count {
            func isWordByte(_ b: UInt8) -> Bool { (b | 0x20 >= 97 && b | 0x20 <= 122) || b == UInt8(ascii: "'") }
            guard isWordByte(clause[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < clause.count, isWordByte(clause[index]) { index += 1 }
            let word = UnsafeBufferPointer(rebasing: clause[start..<index])
            func equals(_ literal: StaticString) -> Bool {
                guard literal.utf8CodeUnitCount == word.count else { return false }
                let bytes = literal.utf8Start
                for k in 0..<word.count where word[k] | 0x20 != bytes[k] && word[k] != bytes[k] { return false }
                return true
            }
            if equals("if") || equals("unless") || equals("otherwise") { return true }
            switch previous {
            case .inWord where equals("case"): return true
            case .should where equals("it") || equals("you") || equals("the") || equals("this") || equals("that") || equals("anything"): return true
            default: break
            }
            previous = equals("in") ? .inWord : equals("should") ? .should : .other
        }
        return false
    }

    /// Every handover carries a context summary, and the customer is not asked to start again.
    func evaluateHandover(_ check: HandoverCheck) -> Outcome {
        let messages = self.interaction.messages
        var points: [(after: Int, event: Int?)] = []
        for (index, event) in self.interaction.events.enumerated() where check.events.contains(event.kind) {
            points.append((self.messageIndex(at: event.at) ?? -1, index))
        }
        // A bot conversation that a person takes over is a handover, with or without an event.
        if let firstAgent = messages.firstIndex(where: { $0.role == .agent }), let lastBot = messages[..<firstAgent].lastIndex(where: { $0.role == .bot }),
            !points.contains(where: { $0.after >= lastBot && $0.after < firstAgent })
        {
            points.append((lastBot, nil))
        }
        guard !points.isEmpty else { return .na("no transfer or handover") }
        points.sort { $0.after < $1.after }
        func lists(_ lists: [Int], in indices: [Int]) -> PhraseHit? {
            for list in lists {
                if let hit = self.hits[list: list].first(where: { indices.contains(Int($0.message)) }) { return hit }
            }
            return nil
        }
        var failures: [String] = []
        var passes: [String] = []
        var evidence: [Evidence] = []
        for point in points {
            let before = messages.indices.filter { $0 <= point.after && self.isStaff($0) }.suffix(check.window)
            var after: [Int] = []
            if point.after + 1 < messages.count {
                for index in (point.after + 1)..<messages.count where self.isStaff(index) {
                    after.append(index)
                    if after.count == check.window { break }
                }
            }
            let label = point.event.map { "the \(self.interaction.events[$0].kind) event" } ?? "the handover after \(Evaluation.ordinal(max(point.after, 0)))"
            if let event = point.event { evidence.append(self.evidence(event: event)) }
            var summary: String? = nil
            if let event = point.event, self.event(event, has: check.summaryKeys) {
                summary = "a summary in \(label)"
            } else if let hit = lists(check.summaryLists, in: Array(before) + after) {
                summary = "\"\(self.quote(of: hit))\" (\(Evaluation.ordinal(Int(hit.message))))"
                evidence.append(self.evidence(for: hit, note: "context handed over"))
            }
            if let restart = lists(check.restartLists, in: after) {
                evidence.append(self.evidence(for: restart, note: "the customer is asked to start again"))
                failures.append("after \(label) the customer was asked to start again: \"\(self.quote(of: restart))\" (\(Evaluation.ordinal(Int(restart.message))))")
            } else if let summary {
                passes.append("\(label) carried the context: \(summary)")
            } else {
                failures.append("\(label) carried no context summary")
            }
        }
        if !failures.isEmpty { return .fail(failures.joined(separator: "; "), evidence) }
        return .pass(passes.joined(separator: "; "), evidence)
    }

    /// A reference given by the company within the window, or in an event.
    func evaluateReference(_ check: ReferenceCheck, in window: Window) -> Outcome {
        for index in self.messages(of: check.speaker, in: window) {
            if let entity = self.reference(in: index) {
                return .pass("reference given in \(Evaluation.ordinal(index))", [self.evidence(message: index, range: entity.range, note: "reference")], time: self.time(ofMessage: index), message: index)
            }
        }
        if let event = self.interaction.events.indices.first(where: { self.event($0, has: check.keys) }) {
            return .pass("reference recorded in the \(self.interaction.events[event].kind) event", [self.evidence(event: event)], time: self.interaction.events[event].at)
        }
        return .fail("no reference (ticket, case or complaint number) given")
    }

    /// A time commitment within the window, or a time in an event.
    func evaluateTimeWindow(_ check: TimeWindowCheck, in window: Window) -> Outcome {
        for index in self.messages(of: check.speaker, in: window) where self.hasTimeWindow(index) {
            return .pass("a time is given in \(Evaluation.ordinal(index))", [self.evidence(message: index, note: "time commitment")], time: self.time(ofMessage: index), message: index)
        }
        if let event = self.interaction.events.indices.first(where: { self.event($0, has: check.keys) }) {
            return .pass("a time is recorded in the \(self.interaction.events[event].kind) event", [self.evidence(event: event)], time: self.interaction.events[event].at)
        }
        return .fail("no time given (a deadline, a date or a window)")
    }

    /// The bot repeats itself or keeps failing to understand.
    func evaluateBotLoop(_ check: BotLoopCheck) -> Outcome {
        var seen: [[Substring]] = []
        var loops: [Int] = []
        for (index, message) in self.interaction.messages.enumerated() where message.role == .bot {
            let words = self.text.words(ofMessage: index)
            let repeated = seen.contains { Evaluation.similar($0, words) }
            if repeated || self.tone.count(.botFallback, in: index) > 0 { loops.append(index) }
            seen.append(words)
            if loops.count >= check.repeats { break }
        }
        let evidence = loops.prefix(5).map { self.evidence(message: $0, note: "the bot loops") }
        guard loops.count >= check.repeats else {
            return .fail(loops.isEmpty ? "the bot never looped" : "the bot looped \(loops.count) time(s), \(check.repeats) make a loop", evidence)
        }
        let decisive = loops[check.repeats - 1]
        return .pass("the bot looped \(loops.count) times (\(loops.map(Evaluation.ordinal).joined(separator: ", "))) instead of handing over", evidence, time: self.time(ofMessage: decisive), message: decisive)
    }

    /// Two messages say nearly the same thing: four in five of their words shared.
    static func similar(_ a: [Substring], _ b: [Substring]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let shared = Set(a).intersection(Set(b)).count
        return Double(shared) >= 0.8 * Double(max(Set(a).count, Set(b).count))
    }
}
