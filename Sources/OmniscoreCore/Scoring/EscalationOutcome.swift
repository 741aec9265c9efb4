/// How an interaction measured up to the rubric's escalation policy.
public struct EscalationOutcome: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A trigger fired and the agent escalated to the right tier in time (or the escalation was justified by
        /// the conversation's escalation need).
        case correct
        /// No trigger and no escalation.
        case notNeeded = "not_needed"
        /// A trigger fired and nobody escalated (or a bot never handed over).
        case missed
        /// Escalated with no trigger and too little need.
        case needless
        /// Escalated below the required tier, above an allowed maximum, or to the wrong destination.
        case wrongTier = "wrong_tier"
        /// Escalated at the right tier after the deadline (or a bot handed over too many replies late).
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
        /// Where the escalation had to go (empty: anywhere at the tier).
        public var destinations: [String] = []
        /// It fired while only a bot had answered: a handover to a human satisfies it.
        public var isHandoff: Bool = false
        /// The message it fired at, if known.
        public var message: Int? = nil
    }

    public var kind: Kind
    public var fired: [FiredTrigger]
    public var requiredTier: Int?
    /// The highest tier reached by an escalation event, and when the first escalation happened.
    public var escalatedTier: Int?
    public var escalatedAt: Timestamp?
    /// Where the escalation went, when the event says.
    public var escalatedTo: String?
    /// Index of the first escalation event.
    public var escalationEvent: Int?
    /// The earliest deadline among the fired triggers.
    public var deadline: Timestamp?
    /// Whether the timing could be judged (times on the trigger and the escalation).
    public var timingKnown: Bool
    public var isOnTime: Bool
    public var isRightTier: Bool
    /// How strongly the conversation called for escalation, 0-1, whether or not a trigger fired.
    public var need: Double = 0
    /// Bot to human handover: when it happened, and how many bot replies the customer got after the trigger.
    public var handoffAt: Timestamp? = nil
    public var handoffMessage: Int? = nil
    public var botRepliesAfterTrigger: Int = 0
    /// A one-line explanation of the verdict, for the scorecard.
    public var summary: String = ""

    /// Escalated by an event, or handed over from a bot to a human.
    public var isEscalated: Bool { self.escalationEvent != nil || self.handoffMessage != nil || self.handoffAt != nil }
    public var isTriggered: Bool { !self.fired.isEmpty }
}
