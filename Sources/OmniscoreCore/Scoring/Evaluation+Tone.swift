extension Evaluation {
    /// Agent politeness of the interaction: 0.6 × mean + 0.4 × least polite message, so one rude reply weighs
    /// even in a long, otherwise friendly conversation.
    func politenessBlend() -> Double? {
        let values = self.interaction.messages.indices.compactMap { index -> Double? in
            self.interaction.messages[index].role == .agent ? self.tone.politeness[index] : nil
        }
        guard let least = values.min() else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        return 0.6 * mean + 0.4 * least
    }

    /// How warm the agent was: the mean politeness of the warmer half of their messages. Comparing interactions
    /// of different channels needs this: a voice call has many plain informational turns that would drag a
    /// plain mean down against a short chat with the same warmth.
    func warmth() -> Double? {
        let values = self.interaction.messages.indices.compactMap { index -> Double? in
            self.interaction.messages[index].role == .agent ? self.tone.politeness[index] : nil
        }.sorted()
        guard !values.isEmpty else { return nil }
        let upper = values[(values.count / 2)...]
        return upper.reduce(0, +) / Double(upper.count)
    }

    /// Customer frustration of the interaction: 0.6 × peak + 0.4 × mean.
    func frustrationBlend() -> Double? {
        let values = self.tone.frustration.compactMap { $0 }
        guard let peak = values.max() else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        return 0.6 * peak + 0.4 * mean
    }

    /// The spread of the agent's tone across their messages (or those in `window`): the range of the rolling
    /// mean of two consecutive agent messages, so one plain informational reply between two warm ones is not a
    /// swing, but two cold replies in a row after a warm start are. With two messages it is their difference.
    func agentPolitenessRange(in window: Window? = nil) -> (low: Int, high: Int, range: Double)? {
        let range = window?.messages ?? 0..<self.interaction.messages.count
        let agent = range.filter { self.interaction.messages[$0].role == .agent && self.tone.politeness[$0] != nil }
        guard agent.count >= 2 else { return nil }
        let values = agent.map { self.tone.politeness[$0]! }
        var means: [(Int, Double)] = []
        if agent.count == 2 {
            means = [(agent[0], values[0]), (agent[1], values[1])]
        } else {
            for k in 0..<(agent.count - 1) {
                // Attribute each pair to its less polite message, which is what a reviewer would quote.
                let index = values[k] <= values[k + 1] ? agent[k] : agent[k + 1]
                means.append((index, (values[k] + values[k + 1]) / 2))
            }
        }
        let low = means.min { $0.1 < $1.1 }!
        let high = means.max { $0.1 < $1.1 }!
        return (low.0, high.0, high.1 - low.1)
    }

    /// The continuous tone summary: politeness, voice-guide adherence, empathy when needed, consistency and
    /// style, weighted by the voice guide (components that do not apply are left out).
    func toneSummary() -> ToneSummary {
        let voice = self.rubric.voice
        let weights = voice.weights
        let agent = self.interaction.messages.indices.filter { self.interaction.messages[$0].role == .agent }
        var components: [(Double, Double)] = []
        let politeness = self.politenessBlend()
        if let politeness { components.append((weights.politeness, politeness)) }
        if !agent.isEmpty {
            let violations = agent.reduce(0) { $0 + self.tone.voiceViolations[$1] }
            let preferred = agent.reduce(0) { $0 + self.tone.preferredTerms[$1] }
            let adherence = max(0, min(1, 1 - 0.34 * Double(violations) + 0.05 * Double(preferred)))
            components.append((weights.voice, adherence))
            let styleBreaks = agent.filter {
                let stats = self.text.stats[$0]
                return stats.shouting != nil || stats.exclamations > 2 || stats.emoji > 3 || stats.longestPunctuationRun >= 3
            }.count
            components.append((weights.style, 1 - Double(styleBreaks) / Double(agent.count)))
        }
        let frustrated = self.interaction.messages.indices.filter { (self.tone.frustration[$0] ?? 0) >= voice.frustratedThreshold }
        if !frustrated.isEmpty {
            var answered = 0
            for index in frustrated {
                var seen = 0
                var next = index + 1
                while next < self.interaction.messages.count, seen < 2 {
                    if self.interaction.messages[next].role == .agent {
                        seen += 1
                        if self.tone.hasEmpathy[next] {
                            answered += 1
                            break
                        }
                    }
                    next += 1
                }
            }
            components.append((weights.empathy, Double(answered) / Double(frustrated.count)))
        }
        let drift = self.agentPolitenessRange()?.range
        if let drift { components.append((weights.consistency, max(0, min(1, 1 - max(0, drift - 0.15) / 0.6)))) }
        let totalWeight = components.reduce(0) { $0 + $1.0 }
        let score = totalWeight > 0 ? 100 * components.reduce(0) { $0 + $1.0 * $1.1 } / totalWeight : 0
        let customer = self.interaction.messages.indices.filter { self.interaction.messages[$0].role == .customer }
        let sentiment = customer.isEmpty ? nil : 100 * customer.reduce(0) { $0 + self.tone.sentiment[$1] } / Double(customer.count)
        let perMessage = self.interaction.messages.indices.map { index -> Double? in
            (self.tone.politeness[index] ?? self.tone.frustration[index]).map { $0 * 100 }
        }
        return ToneSummary(
            score: score,
            politeness: politeness.map { $0 * 100 },
            frustration: self.frustrationBlend().map { $0 * 100 },
            customerSentiment: sentiment,
            drift: drift.map { $0 * 100 },
            messages: perMessage
        )
    }

    /// The value of a tone metric on one message, if the metric applies to it.
    func value(of metric: ToneMetric, message index: Int) -> Double? {
        switch metric {
        case .politeness: return self.tone.politeness[index]
        case .frustration: return self.tone.frustration[index]
        case .sentiment: return self.tone.sentiment[index]
        }
    }

    /// A tone metric aggregated over a speaker's messages, within bounds.
    func evaluateTone(_ check: ToneCheck, in window: Window) -> Outcome {
        let indices = self.messages(of: check.speaker, in: window).filter { self.value(of: check.metric, message: $0) != nil }
        guard !indices.isEmpty else {
            return .na("\(Evaluation.describe(check.speaker)) has no message with a \(check.metric.rawValue) measure")
        }
        let values = indices.map { self.value(of: check.metric, message: $0)! }
        let aggregate: Double
        let decisive: Int
        switch check.aggregate {
        case .mean:
            aggregate = values.reduce(0, +) / Double(values.count)
            decisive = check.minimum != nil ? indices[values.firstIndex(of: values.min()!)!] : indices[values.firstIndex(of: values.max()!)!]
        case .minimum:
            aggregate = values.min()!
            decisive = indices[values.firstIndex(of: aggregate)!]
        case .maximum:
            aggregate = values.max()!
            decisive = indices[values.firstIndex(of: aggregate)!]
        }
        let scale = check.metric == .sentiment ? 100.0 : 100.0
        let shown = "\(check.aggregate.rawValue) \(check.metric.rawValue) \(Evaluation.format(aggregate * scale))/100"
        let note = "\(check.metric.rawValue) \(Evaluation.format(self.value(of: check.metric, message: decisive)! * scale))/100"
        let evidence = [self.evidence(message: decisive, note: note)]
        var outcome: Outcome
        if let minimum = check.minimum, aggregate < minimum {
            outcome = .fail("\(shown) for \(Evaluation.describe(check.speaker)), below \(Evaluation.format(minimum * scale))", evidence, time: self.time(ofMessage: decisive), message: decisive)
        } else if let maximum = check.maximum, aggregate > maximum {
            outcome = .fail("\(shown) for \(Evaluation.describe(check.speaker)), above \(Evaluation.format(maximum * scale))", evidence, time: self.time(ofMessage: decisive), message: decisive)
        } else {
            outcome = .pass("\(shown) for \(Evaluation.describe(check.speaker))", evidence, time: self.time(ofMessage: decisive), message: decisive)
        }
        if let credit = check.credit, credit.full != credit.from {
            let share = max(0, min(1, (aggregate - credit.from) / (credit.full - credit.from)))
            outcome.credit = share
            outcome.reason += " (credit \(Evaluation.format(share * 100))%)"
        }
        return outcome
    }

    /// The agent's tone does not swing within the interaction (see `agentPolitenessRange`).
    func evaluateDrift(_ check: DriftCheck, in window: Window) -> Outcome {
        let agent = self.messages(of: .agent, in: window).filter { self.tone.politeness[$0] != nil }
        guard agent.count >= max(2, check.minimumMessages), let spread = self.agentPolitenessRange(in: window) else {
            return .na("the agent sent \(agent.count) message(s); drift needs \(max(2, check.minimumMessages))")
        }
        let lowText = Evaluation.format(self.tone.politeness[spread.low]! * 100)
        let highText = Evaluation.format(self.tone.politeness[spread.high]! * 100)
        let evidence = [
            self.evidence(message: spread.high, note: "politeness \(highText)/100"),
            self.evidence(message: spread.low, note: "politeness \(lowText)/100"),
        ]
        let size = Evaluation.format(spread.range * 100)
        if spread.range <= check.maximumRange {
            return .pass("agent tone steady: it moved \(size) points across the conversation (limit \(Evaluation.format(check.maximumRange * 100)))", evidence)
        }
        return .fail("agent tone swung \(size) points, from \(highText)/100 (\(Evaluation.ordinal(spread.high))) to \(lowText)/100 (\(Evaluation.ordinal(spread.low)))", evidence)
    }

    func styleValue(_ metric: StyleMetric, message index: Int) -> Int {
        let stats = self.text.stats[index]
        switch metric {
        case .exclamations: return Int(stats.exclamations)
        case .emoji: return Int(stats.emoji)
        case .shouting: return stats.shouting == nil ? 0 : 1
        case .questions: return Int(stats.questions)
        case .punctuationRun: return Int(stats.longestPunctuationRun)
        case .words: return Int(stats.words)
        }
    }

    /// A per-message style limit for the channel.
    func evaluateStyle(_ check: StyleCheck, in window: Window) -> Outcome {
        guard let limit = check.limits[self.interaction.channel] else {
            return .na("no \(check.metric.rawValue) limit for \(self.interaction.channel.rawValue)")
        }
        let indices = self.messages(of: check.speaker, in: window)
        let offenders = indices.filter { self.styleValue(check.metric, message: $0) > limit }
        let what: String
        switch check.metric {
        case .shouting: what = "shouting (words in capitals)"
        case .punctuationRun: what = "runs of !/? longer than \(limit)"
        default: what = "more than \(limit) \(check.metric.rawValue) per message"
        }
        guard !offenders.isEmpty else {
            return .pass(check.metric == .shouting ? "no shouting by \(Evaluation.describe(check.speaker))" : "no message by \(Evaluation.describe(check.speaker)) with \(what)")
        }
        let evidence = offenders.prefix(5).map { index -> Evidence in
            let stats = self.text.stats[index]
            if check.metric == .shouting, let span = stats.shouting {
                return self.evidence(message: index, range: Int(span.lowerBound)..<Int(span.upperBound), note: "shouting")
            }
            if check.metric == .emoji, stats.firstEmoji >= 0 {
                return self.evidence(message: index, note: "\(stats.emoji) emoji")
            }
            return self.evidence(message: index, note: "\(self.styleValue(check.metric, message: index)) \(check.metric.rawValue)")
        }
        let list = offenders.prefix(3).map { Evaluation.ordinal($0) }.joined(separator: ", ")
        return .fail("\(what) on \(self.interaction.channel.rawValue) in \(list)", evidence, time: self.time(ofMessage: offenders[0]), message: offenders[0])
    }

    /// Sustained frustration: enough customer messages at or above the threshold.
    func evaluateFrustration(_ check: FrustrationCheck, in window: Window) -> Outcome {
        let customer = self.messages(of: .customer, in: window)
        var qualifying: [Int] = []
        var run: [Int] = []
        var best: [Int] = []
        for index in customer {
            if let level = self.tone.frustration[index], level >= check.threshold {
                qualifying.append(index)
                run.append(index)
                if run.count > best.count { best = run }
            } else {
                run = []
            }
        }
        let counted = check.consecutive ? best : qualifying
        let threshold = Evaluation.format(check.threshold * 100)
        let evidence = counted.prefix(5).map { self.evidence(message: $0, note: "frustration \(Evaluation.format(self.tone.frustration[$0]! * 100))/100") }
        if counted.count >= check.minimumMessages {
            let decisive = counted[check.minimumMessages - 1]
            return .pass("\(counted.count) customer message(s) at frustration ≥ \(threshold)/100", evidence, time: self.time(ofMessage: decisive), message: decisive)
        }
        return .fail("\(counted.count) customer message(s) at frustration ≥ \(threshold)/100, \(check.minimumMessages) needed", evidence)
    }

    /// A money amount over the threshold in a speaker's words or in event details.
    func evaluateAmount(_ check: AmountCheck, in window: Window) -> Outcome {
        for index in self.messages(of: check.speaker, in: window) {
            if !check.context.isEmpty, !check.context.contains(where: { list in self.hits[list: list].contains { Int($0.message) == index } }) { continue }
            if let entity = self.entities[index].first(where: { $0.kind == .money && ($0.amount ?? 0) > check.over }) {
                return .pass(
                    "amount \(Evaluation.format(entity.amount!)) over \(Evaluation.format(check.over)) in \(Evaluation.ordinal(index))",
                    [self.evidence(message: index, range: entity.range, note: "amount")],
                    time: self.time(ofMessage: index),
                    message: index
                )
            }
        }
        for (index, event) in self.interaction.events.enumerated() where check.eventKinds.contains(event.kind) {
            if let amount = event[detail: "amount"]?.numberValue, amount > check.over {
                return .pass("\(event.kind) of \(Evaluation.format(amount)), over \(Evaluation.format(check.over))", [self.evidence(event: index)], time: event.at)
            }
        }
        return .fail("no amount over \(Evaluation.format(check.over))")
    }
}
