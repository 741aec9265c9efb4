/// A written escalation policy: triggers that oblige the agent to escalate, each to a minimum tier within a
/// deadline. The scorer turns it into one `EscalationOutcome` per interaction, which criteria inspect through
/// `Check.escalation`.
public struct EscalationPolicy: Sendable, Hashable {
    public var triggers: [EscalationTrigger]
    /// The event kind that records an escalation.
    public var eventKind: String
    /// The event detail key holding the tier.
    public var tierKey: String

    public init(triggers: [EscalationTrigger], eventKind: String = "escalated", tierKey: String = "tier") {
        self.triggers = triggers
        self.eventKind = eventKind
        self.tierKey = tierKey
    }
}

/// One situation that requires escalation.
public struct EscalationTrigger: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Fires when this check passes; the time of its earliest evidence starts the deadline.
    public var condition: Check
    /// The lowest acceptable tier.
    public var tier: Int
    /// The highest acceptable tier, if over-escalation is a mistake too.
    public var maximumTier: Int?
    /// How long the agent has, per channel; `nil` for no deadline.
    public var deadline: ChannelLimits<Duration>

    public init(id: String, title: String = "", condition: Check, tier: Int, maximumTier: Int? = nil, deadline: ChannelLimits<Duration> = ChannelLimits()) {
        self.id = id
        self.title = title
        self.condition = condition
        self.tier = tier
        self.maximumTier = maximumTier
        self.deadline = deadline
    }
}
