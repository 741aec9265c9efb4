/// How an interaction measured up to the rubric's escalation policy.
public struct EscalationOutcome: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A trigger fired and the agent escalated to the right tier in time.
        case correct
        /// No trigger and no escalation.
        case notNeeded = "not_needed"
        /// A trigger fired and nobody escalated.
        case missed
        /// Escalated with no trigger.
        case needless
        /// Escalated below the required tier (or above an allowed maximum).
        case wrongTier = "wrong_tier"
        /// Escalated at the right tier after the deadline.
        case late
    }

    /// One trigger that fired.
    public struct FiredTrigger: Sendable, Hashable {
        public var id: String
        public var tier: Int
        /// When it fired, if the messages are timed.
        public var at: Timestamp?
        public var deadline: Timestamp?
        public var reason: String
        public var evidence: [Evidence]
    }

    public var kind: Kind
    public var fired: [FiredTrigger]
    public var requiredTier: Int?
    /// The highest tier reached by an escalation event, and when the first escalation happened.
    public var escalatedTier: Int?
    public var escalatedAt: Timestamp?
    /// Index of the first escalation event.
    public var escalationEvent: Int?
    /// The earliest deadline among the fired triggers.
    public var deadline: Timestamp?
    /// Whether the timing could be judged (times on the trigger and the escalation).
    public var timingKnown: Bool
    public var isOnTime: Bool
    public var isRightTier: Bool

    public var isEscalated: Bool { self.escalationEvent != nil }
    public var isTriggered: Bool { !self.fired.isEmpty }
}
