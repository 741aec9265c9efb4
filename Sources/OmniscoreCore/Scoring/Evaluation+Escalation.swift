extension Evaluation {
    /// The policy's triggers that fire on this interaction, in policy order.
    func firedTriggers(_ policy: EscalationPolicy) -> [EscalationOutcome.FiredTrigger] {
        var fired: [EscalationOutcome.FiredTrigger] = []
        let firstAgent = self.interaction.messages.firstIndex { $0.role == .agent }
        let botFirst = self.interaction.messages.firstIndex { $0.role == .bot }.map { bot in firstAgent.map { bot < $0 } ?? true } ?? false
        for trigger in policy.triggers where self.mayPass(trigger.condition) {
            let outcome = self.evaluate(trigger.condition, in: self.fullWindow)
            guard outcome.verdict == .pass else { continue }
            let at = outcome.time ?? (self.interaction.messages.allSatisfy { $0.at == nil } ? nil : self.interaction.startedAt)
            let deadline = trigger.deadline[self.interaction.channel].flatMap { limit in at.map { $0 + limit } }
            // A trigger that fired before any human agent spoke, in a conversation a bot answered first, asks the bot
            // to hand over.
            let message = outcome.message ?? self.messageIndex(at: at)
            let isHandoff = botFirst && (message.map { index in firstAgent.map { index < $0 } ?? true } ?? (firstAgent == nil))
            if trigger.botPhaseOnly && !isHandoff { continue }
            fired.append(EscalationOutcome.FiredTrigger(
                id: trigger.id, tier: trigger.tier, at: at, deadline: deadline, reason: outcome.reason, evidence: outcome.evidence,
                destinations: trigger.destinations, isHandoff: isHandoff, message: message
            ))
        }
        return fired
    }

    /// False when a check cannot pass because the phrases it needs never occur: the policy's triggers are
    /// evaluated on every interaction and usually do not fire, and this spares building their reasons.
    func mayPass(_ check: Check) -> Bool {
        switch check {
        case .phrases(let p) where p.minimum >= 1:
            return p.lists.contains { list in self.hits[list: list].contains { p.speaker.includes(self.interaction.messages[Int($0.message)].role) } }
        case .any(let children): return children.contains { self.mayPass($0) }
        case .all(let children): return children.allSatisfy { self.mayPass($0) }
        case .botLoop: return self.interaction.messages.contains { $0.role == .bot }
        default: return true
        }
    }

    /// The index of the last message sent at or before `time`.
    func messageIndex(at time: Timestamp?) -> Int? {
        guard let time else { return nil }
        return self.interaction.messages.lastIndex { ($0.at ?? time) <= time }
    }

    /// Applies the escalation policy: which triggers fired and when, the tier, destination and deadline they
    /// require, the conversation's escalation need, and what the agent (or the bot) actually did.
    func escalationOutcome(_ policy: EscalationPolicy, fired triggers: [EscalationOutcome.FiredTrigger], need: Double) -> EscalationOutcome {
        var fired = triggers
        if fired.isEmpty, let threshold = policy.needThreshold, need >= threshold {
            // Need alone: no trigger of the policy fired, but the conversation clearly called for escalation.
            let peak = self.interaction.messages.indices.max { (self.tone.frustration[$0] ?? -1) < (self.tone.frustration[$1] ?? -1) }
            let evidence = peak.map { [self.evidence(message: $0, note: "frustration \(Evaluation.format((self.tone.frustration[$0] ?? 0) * 100))/100")] } ?? []
            fired.append(EscalationOutcome.FiredTrigger(
                id: "escalation-need", tier: policy.needTier, at: nil, deadline: nil,
                reason: "escalation need \(Evaluation.format(need * 100))/100 is at or above the policy's \(Evaluation.format(threshold * 100))",
                evidence: evidence, message: peak
            ))
        }
        let escalations = self.interaction.events.indices.filter { self.interaction.events[$0].kind == policy.eventKind }
        let first = escalations.first
        let escalatedAt = first.flatMap { self.interaction.events[$0].at }
        let tiers = escalations.compactMap { self.interaction.events[$0][detail: policy.tierKey]?.numberValue }.map { Int($0) }
        let escalatedTier = tiers.max()
        let destinations = escalations.compactMap { self.interaction.events[$0][detail: policy.destinationKey]?.textValue?.lowercased() }
        let escalatedTo = destinations.first

        // The bot's handover: an event of a handover kind, or the first human agent message.
        let firstAgent = self.interaction.messages.firstIndex { $0.role == .agent }
        let handoffEvent = self.interaction.events.firstIndex { policy.handoffEvents.contains($0.kind) }
        let handoffAt = handoffEvent.flatMap { self.interaction.events[$0].at } ?? firstAgent.flatMap { self.interaction.messages[$0].at }
        let handoffMessage = handoffEvent.map { index in self.messageIndex(at: self.interaction.events[index].at) ?? firstAgent ?? self.interaction.messages.count } ?? firstAgent
        let handedOver = handoffEvent != nil || firstAgent != nil

        let agentTriggers = fired.filter { !$0.isHandoff }
        let botTriggers = fired.filter(\.isHandoff)
        let required = agentTriggers.map(\.tier).max()
        let maximum = policy.triggers.filter { t in agentTriggers.contains { $0.id == t.id } }.compactMap(\.maximumTier).min()
        let deadline = agentTriggers.compactMap(\.deadline).min()
        let wanted = agentTriggers.filter { !$0.destinations.isEmpty }

        var missed = false
        var wrongTier = false
        var late = false
        var timingKnown = false
        var isOnTime = true
        var isRightTier = true
        var notes: [String] = []
        if !agentTriggers.isEmpty {
            if first == nil {
                missed = true
                notes.append("\(agentTriggers.map(\.id).joined(separator: ", ")) required tier \(required!) and nobody escalated")
            } else {
                if let tier = escalatedTier {
                    isRightTier = tier >= required! && (maximum.map { tier <= $0 } ?? true)
                    if !isRightTier { notes.append("escalated to tier \(tier); tier \(required!) required") }
                } else {
                    isRightTier = false
                    notes.append("the escalation records no tier")
                }
                for trigger in wanted where !destinations.contains(where: { trigger.destinations.contains($0) }) {
                    isRightTier = false
                    let went = escalatedTo.map { "to \($0)" } ?? "with no destination recorded"
                    notes.append("\(trigger.id) must go to \(trigger.destinations.joined(separator: " or ")), escalated \(went)")
                }
                wrongTier = !isRightTier
                if let escalatedAt, let deadline, agentTriggers.contains(where: { $0.deadline != nil }) {
                    timingKnown = true
                    isOnTime = escalatedAt <= deadline
                    if !isOnTime { late = true }
                }
            }
        }
        var botReplies = 0
        if !botTriggers.isEmpty {
            let trigger = botTriggers.min { ($0.message ?? .max) < ($1.message ?? .max) }!
            let from = (trigger.message ?? -1) + 1
            let to = handoffMessage.map { min($0 + 1, self.interaction.messages.count) } ?? self.interaction.messages.count
            if from < to { botReplies = (from..<to).filter { self.interaction.messages[$0].role == .bot }.count }
            if !handedOver {
                missed = true
                notes.append("\(botTriggers.map(\.id).joined(separator: ", ")) in the bot conversation and the bot never handed over to a person")
            } else if botReplies > policy.botReplies {
                late = true
                timingKnown = true
                isOnTime = false
                notes.append("the bot answered \(botReplies) more times before handing over (\(policy.botReplies) allowed)")
            } else if agentTriggers.isEmpty {
                timingKnown = true
            }
        }
        let isEscalated = first != nil || (!botTriggers.isEmpty && handedOver)
        let kind: EscalationOutcome.Kind
        if fired.isEmpty {
            if first == nil {
                kind = .notNeeded
            } else if let below = policy.needlessBelow, need >= below {
                kind = .correct
                notes.append("no trigger fired, but escalation need \(Evaluation.format(need * 100))/100 justifies it")
            } else {
                kind = .needless
            }
        } else if missed {
            kind = .missed
        } else if wrongTier {
            kind = .wrongTier
        } else if late {
            kind = .late
        } else {
            kind = .correct
        }
        _ = isEscalated
        return EscalationOutcome(
            kind: kind,
            fired: fired,
            requiredTier: required,
            escalatedTier: escalatedTier,
            escalatedAt: escalatedAt,
            escalatedTo: escalatedTo,
            escalationEvent: first,
            deadline: deadline,
            timingKnown: timingKnown,
            isOnTime: isOnTime,
            isRightTier: isRightTier,
            need: need,
            handoffAt: botTriggers.isEmpty ? nil : handoffAt,
            handoffMessage: botTriggers.isEmpty ? nil : (handedOver ? (handoffMessage ?? firstAgent) : nil),
            botRepliesAfterTrigger: botReplies,
            summary: notes.joined(separator: "; ")
        )
    }

    /// One facet of the escalation outcome as a pass / fail / N/A.
    func evaluateEscalation(_ facet: EscalationFacet) -> Outcome {
        guard let outcome = self.escalation else { return .na("the rubric has no escalation policy") }
        let triggers = outcome.fired.map { "\($0.id) (\($0.reason))" }.joined(separator: "; ")
        let triggerEvidence = outcome.fired.flatMap(\.evidence).prefix(5)
        var escalationEvidence = outcome.escalationEvent.map { [self.evidence(event: $0)] } ?? []
        if let message = outcome.handoffMessage, message < self.interaction.messages.count, outcome.escalationEvent == nil {
            escalationEvidence.append(self.evidence(message: message, note: "handover to a person"))
        }
        let evidence = Array(triggerEvidence) + escalationEvidence
        let handedOver = outcome.fired.contains(where: \.isHandoff) && (outcome.handoffMessage != nil || outcome.handoffAt != nil)
        switch facet {
        case .escalatedWhenRequired:
            guard outcome.isTriggered else { return .na("no escalation trigger fired") }
            if outcome.kind != .missed {
                return .pass((handedOver ? "handed over to a person as required by " : "escalated as required by ") + triggers, evidence)
            }
            return .fail("missed escalation: \(outcome.summary)", evidence)
        case .notNeedless:
            guard outcome.escalationEvent != nil else { return .na("not escalated") }
            if outcome.isTriggered {
                return .pass("escalation justified by \(triggers)", evidence)
            }
            if outcome.kind == .correct {
                return .pass("no trigger fired; escalation need \(Evaluation.format(outcome.need * 100))/100 justifies the escalation", evidence)
            }
            return .fail("needless escalation: no trigger of the policy fired and escalation need is \(Evaluation.format(outcome.need * 100))/100", evidence)
        case .rightTier:
            let agentTriggered = outcome.fired.contains { !$0.isHandoff }
            guard agentTriggered, outcome.escalationEvent != nil else {
                return .na(agentTriggered ? "not escalated" : "no escalation trigger fired")
            }
            var reached = outcome.escalatedTier.map { "tier \($0)" } ?? "no tier recorded"
            if let to = outcome.escalatedTo { reached += " (\(to))" }
            if outcome.isRightTier {
                return .pass("escalated to \(reached); tier \(outcome.requiredTier!) required", evidence)
            }
            return .fail("wrong tier: \(outcome.summary) (\(triggers))", evidence)
        case .inTime:
            guard outcome.isTriggered, outcome.kind != .missed else {
                return .na(outcome.isTriggered ? "not escalated" : "no escalation trigger fired")
            }
            guard outcome.timingKnown else {
                return .na("cannot time the escalation: no deadline for this channel or no timestamps")
            }
            if handedOver && outcome.escalationEvent == nil {
                if outcome.isOnTime {
                    return .pass("the bot handed over after \(outcome.botRepliesAfterTrigger) more bot repl\(outcome.botRepliesAfterTrigger == 1 ? "y" : "ies")", evidence)
                }
                return .fail("late handover: \(outcome.summary)", evidence)
            }
            let started = outcome.fired.compactMap(\.at).min()
            if let at = outcome.escalatedAt, let deadline = outcome.deadline {
                let took = started.map { " (\((at - $0).compactDescription) after the trigger)" } ?? ""
                if outcome.isOnTime {
                    return .pass("escalated at \(at)\(took), before the deadline \(deadline)", evidence)
                }
                return .fail("late escalation: at \(at)\(took), after the deadline \(deadline)", evidence)
            }
            return outcome.isOnTime ? .pass("escalated in time", evidence) : .fail("late: \(outcome.summary)", evidence)
        case .appropriate:
            switch outcome.kind {
            case .notNeeded:
                return .pass("no escalation needed (escalation need \(Evaluation.format(outcome.need * 100))/100) and none made")
            case .correct:
                return .pass(outcome.isTriggered ? "escalated as the policy requires: \(triggers)" : outcome.summary, evidence)
            case .missed:
                return .fail("missed escalation: \(outcome.summary)", evidence)
            case .needless:
                return .fail("needless escalation of a conversation with escalation need \(Evaluation.format(outcome.need * 100))/100", evidence)
            case .wrongTier:
                return .fail("wrong tier: \(outcome.summary)", evidence)
            case .late:
                return .fail("late: \(outcome.summary)", evidence)
            }
        }
    }
}
