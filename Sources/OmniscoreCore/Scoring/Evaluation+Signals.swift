extension Evaluation {
    /// Occurrences of a built-in category in the messages of `speaker`.
    func occurrences(_ category: ToneLexicon.Category, by speaker: Speaker) -> Int {
        var total = 0
        for index in self.interaction.messages.indices where speaker.includes(self.interaction.messages[index].role) {
            total += self.tone.count(category, in: index)
        }
        return total
    }

    /// Indices of the customer's messages with a frustration measure.
    var customerMessages: [Int] {
        self.interaction.messages.indices.filter { self.interaction.messages[$0].role == .customer && self.tone.frustration[$0] != nil }
    }

    /// Earlier contacts about the same issue in the last seven days, 0-1 (two or more is 1).
    func repeatContactLevel() -> Double {
        let current = self.record
        let earlier = self.recentHistory(within: .seconds(7 * 86400)).filter { $0.isSameIssue(as: current) }
        return min(1, Double(earlier.count) / 2)
    }

    /// The features of `escalation.need`, in the order of `SignalModel.Kind.need.features`.
    func needFeatures(triggerFired: Bool) -> [Double] {
        let customer = self.customerMessages
        let levels = customer.map { self.tone.annoyance[$0]! }
        let peak = levels.max() ?? 0
        let end = levels.last ?? 0
        let mean = levels.isEmpty ? 0 : levels.reduce(0, +) / Double(levels.count)
        let hostile = self.occurrences(.profanity, by: .customer) + self.occurrences(.insult, by: .customer) + self.occurrences(.threat, by: .customer)
        let staff = self.interaction.messages.indices.filter { Speaker.staff.includes(self.interaction.messages[$0].role) }
        let refusing = staff.filter { self.tone.count(.refusal, in: $0) > 0 }.count
        return [
            triggerFired ? 1 : 0,
            peak,
            mean,
            end,
            min(1, Double(hostile) / 2),
            self.occurrences(.escalationRequest, by: .customer) + self.occurrences(.humanRequest, by: .customer) > 0 ? 1 : 0,
            min(1, Double(self.occurrences(.impatience, by: .customer)) / 2),
            min(1, Double(self.occurrences(.repetition, by: .customer)) / 2),
            min(1, Double(self.occurrences(.distress, by: .customer)) / 2),
            staff.isEmpty ? 0 : Double(refusing) / Double(staff.count),
            self.repeatContactLevel(),
        ]
    }

    /// The features of `customer.outcome`, in the order of `SignalModel.Kind.outcome.features`.
    func outcomeFeatures(askedAgain: Bool) -> [Double] {
        let messages = self.interaction.messages
        let staff = messages.indices.filter { Speaker.staff.includes(messages[$0].role) && self.text.stats[$0].words > 0 }
        let customer = self.customerMessages
        let levels = customer.map { self.tone.frustration[$0]! }
        let lastStaff = staff.suffix(2)
        let resolvedEvent = self.interaction.events.contains { $0.kind == "resolved" }
        let resolved = resolvedEvent || lastStaff.contains { self.tone.count(.resolution, in: $0) > 0 }
        let commitmentEvents: Set<String> = ["callback_scheduled", "ticket_created", "follow_up_scheduled", "refund_issued", "replacement_ordered", "complaint_logged", "return_authorised"]
        let nextStep = self.interaction.events.contains { commitmentEvents.contains($0.kind) } || staff.contains { self.tone.count(.timeWindow, in: $0) > 0 }
        var thanks = false
        if let last = customer.last, last >= (staff.last ?? -1) - 1 {
            thanks = (self.tone.count(.gratitude, in: last) + self.tone.count(.positive, in: last) + self.tone.count(.ironicPraise, in: last) > 0) && self.tone.frustration[last]! < 0.5
        }
        var refusalAtEnd = false
        if let last = staff.last {
            refusalAtEnd = self.tone.count(.refusal, in: last) > 0 && self.tone.count(.resolution, in: last) == 0 && self.tone.count(.timeWindow, in: last) == 0
        }
        let mistake: Bool
        switch self.escalation?.kind {
        case .missed?, .late?, .wrongTier?: mistake = true
        default: mistake = false
        }
        return [
            resolved ? 1 : 0,
            nextStep ? 1 : 0,
            thanks ? 1 : 0,
            levels.last ?? 0,
            levels.max() ?? 0,
            refusalAtEnd ? 1 : 0,
            askedAgain ? 1 : 0,
            self.repeatContactLevel(),
            mistake ? 1 : 0,
            self.politenessBlend() ?? 0.5,
        ]
    }

    /// The customer's frustration at the start, peak and end, and the likely outcome.
    func customerSignals(askedAgain: Bool) -> CustomerSignals {
        let customer = self.customerMessages
        let levels = customer.map { self.tone.frustration[$0]! * 100 }
        let model = self.rubric.signals.outcome
        let features = self.outcomeFeatures(askedAgain: askedAgain)
        let outcome = model.probability(features)
        // The features that moved the figure most away from the model's bias, for reviewers.
        let contributions = zip(model.kind.features, zip(model.weights, features)).map { ($0, $1.0 * $1.1) }.filter { abs($0.1) >= 0.3 }
        let drivers = contributions.sorted { abs($0.1) > abs($1.1) }.prefix(3).map { ($0.1 > 0 ? "+" : "-") + $0.0 }
        return CustomerSignals(frustrationStart: levels.first, frustrationPeak: levels.max(), frustrationEnd: levels.last, outcome: outcome * 100, drivers: drivers)
    }

    /// Everything the signal models read, for fitting their weights.
    func signalFeatures(askedAgain: Bool) -> SignalFeatures {
        let positive = self.rubric.signals.politeness.weights
        let politeness = self.interaction.messages.indices.filter { self.interaction.messages[$0].role == .agent }.map {
            self.tone.politenessFeatures(message: $0, stats: self.text.stats[$0], positiveWeights: positive)
        }
        return SignalFeatures(politeness: politeness, need: self.needFeatures(triggerFired: !(self.escalation?.fired.filter { $0.id != "escalation-need" }.isEmpty ?? true)), outcome: self.outcomeFeatures(askedAgain: askedAgain))
    }
}
