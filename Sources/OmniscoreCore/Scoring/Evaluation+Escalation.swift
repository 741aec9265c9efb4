extension Evaluation {
    /// Applies the escalation policy: which triggers fired and when, the tier and deadline they require, and what
    /// the agent actually did.
    func escalationOutcome(_ policy: EscalationPolicy) -> EscalationOutcome {
        var fired: [EscalationOutcome.FiredTrigger] = []
        for trigger in policy.triggers {
            let outcome = self.evaluate(trigger.condition, in: self.fullWindow)
            guard outcome.verdict == .pass else { continue }
            let at = outcome.time ?? (self.interaction.messages.allSatisfy { $0.at == nil } ? nil : self.interaction.startedAt)
            let deadline = trigger.deadline[self.interaction.channel].flatMap { limit in at.map { $0 + limit } }
            fired.append(EscalationOutcome.FiredTrigger(id: trigger.id, tier: trigger.tier, at: at, deadline: deadline, reason: outcome.reason, evidence: outcome.evidence))
        }
        let escalations = self.interaction.events.indices.filter { self.interaction.events[$0].kind == policy.eventKind }
        let first = escalations.first
        let escalatedAt = first.flatMap { self.interaction.events[$0].at }
        let tiers = escalations.compactMap { self.interaction.events[$0][detail: policy.tierKey]?.numberValue }.map { Int($0) }
        let escalatedTier = tiers.max()
        let required = fired.map(\.tier).max()
        let maximum = policy.triggers.filter { t in fired.contains { $0.id == t.id } }.compactMap(\.maximumTier).min()
        let deadline = fired.compactMap(\.deadline).min()
        var isRightTier = true
        if let required {
            if let tier = escalatedTier {
                isRightTier = tier >= required && (maximum.map { tier <= $0 } ?? true)
            } else {
                isRightTier = first == nil  // escalated without a tier: cannot be right
            }
        }
        let hasDeadlines = fired.contains { firedTrigger in
            policy.triggers.first { $0.id == firedTrigger.id }?.deadline[self.interaction.channel] != nil
        }
        var timingKnown = false
        var isOnTime = true
        if first != nil, !fired.isEmpty, hasDeadlines {
            if let escalatedAt, let deadline {
                timingKnown = true
                isOnTime = escalatedAt <= deadline
            }
        }
        let kind: EscalationOutcome.Kind
        if fired.isEmpty {
            kind = first == nil ? .notNeeded : .needless
        } else if first == nil {
            kind = .missed
        } else if !isRightTier {
            kind = .wrongTier
        } else if timingKnown && !isOnTime {
            kind = .late
        } else {
            kind = .correct
        }
        return EscalationOutcome(
            kind: kind,
            fired: fired,
            requiredTier: required,
            escalatedTier: escalatedTier,
            escalatedAt: escalatedAt,
            escalationEvent: first,
            deadline: deadline,
            timingKnown: timingKnown,
            isOnTime: isOnTime,
            isRightTier: isRightTier
        )
    }

    /// One facet of the escalation outcome as a pass / fail / N/A.
    func evaluateEscalation(_ facet: EscalationFacet) -> Outcome {
        guard let outcome = self.escalation else { return .na("the rubric has no escalation policy") }
        let triggers = outcome.fired.map { "\($0.id) (\($0.reason))" }.joined(separator: "; ")
        let triggerEvidence = outcome.fired.flatMap(\.evidence).prefix(5)
        let escalationEvidence = outcome.escalationEvent.map { [self.evidence(event: $0)] } ?? []
        let evidence = Array(triggerEvidence) + escalationEvidence
        switch facet {
        case .escalatedWhenRequired:
            guard outcome.isTriggered else { return .na("no escalation trigger fired") }
            if outcome.isEscalated {
                return .pass("escalated as required by \(triggers)", evidence)
            }
            return .fail("missed escalation: \(triggers) required tier \(outcome.requiredTier!) but nobody escalated", evidence)
        case .notNeedless:
            guard outcome.isEscalated else { return .na("not escalated") }
            if outcome.isTriggered {
                return .pass("escalation justified by \(triggers)", evidence)
            }
            return .fail("needless escalation: no trigger of the policy fired", evidence)
        case .rightTier:
            guard outcome.isTriggered, outcome.isEscalated else {
                return .na(outcome.isTriggered ? "not escalated" : "no escalation trigger fired")
            }
            let reached = outcome.escalatedTier.map { "tier \($0)" } ?? "no tier recorded"
            if outcome.isRightTier {
                return .pass("escalated to \(reached); tier \(outcome.requiredTier!) required", evidence)
            }
            return .fail("wrong tier: escalated to \(reached), tier \(outcome.requiredTier!) required by \(triggers)", evidence)
        case .inTime:
            guard outcome.isTriggered, outcome.isEscalated else {
                return .na(outcome.isTriggered ? "not escalated" : "no escalation trigger fired")
            }
            guard outcome.timingKnown, let at = outcome.escalatedAt, let deadline = outcome.deadline else {
                return .na("cannot time the escalation: no deadline for this channel or no timestamps")
            }
            let started = outcome.fired.compactMap(\.at).min()
            let took = started.map { " (\((at - $0).compactDescription) after the trigger)" } ?? ""
            if outcome.isOnTime {
                return .pass("escalated at \(at)\(took), before the deadline \(deadline)", evidence)
            }
            return .fail("late escalation: at \(at)\(took), after the deadline \(deadline)", evidence)
        }
    }
}
