/// A written escalation policy: triggers that oblige the agent to escalate, each to a minimum tier (and, where the
/// case type needs a specialist, to one of named destinations) within a per-channel deadline. The scorer turns it
/// into one `EscalationOutcome` per interaction, which criteria inspect through `Check.escalation`.
public struct EscalationPolicy: Sendable, Hashable {
    public var triggers: [EscalationTrigger]
    /// The event kind that records an escalation.
    public var eventKind: String
    /// The event detail key holding the tier.
    public var tierKey: String
    /// The event detail key naming where the escalation went (`fraud`, `legal`, `supervisor`).
    public var destinationKey: String
    /// Event kinds that hand a bot conversation over to a human; a trigger that fires while only a bot has
    /// answered is satisfied by such a handover (or by the first human agent message).
    public var handoffEvents: [String]
    /// How many more bot replies the customer may get after a trigger fired in the bot part of a conversation
    /// before the handover counts as late.
    public var botReplies: Int
    /// Escalation need (0-1) at or above which escalating is required even when no trigger fired; `nil` never.
    public var needThreshold: Double?
    /// Escalation need (0-1) below which an escalation without a trigger is needless; at or above it, the need
    /// justifies the escalation. `nil`: every escalation without a trigger is needless.
    public var needlessBelow: Double?
    /// The tier an escalation required by need alone must reach.
    public var needTier: Int

    public init(
        triggers: [EscalationTrigger],
        eventKind: String = "escalated",
        tierKey: String = "tier",
        destinationKey: String = "to",
        handoffEvents: [String] = ["bot_handoff"],
        botReplies: Int = 1,
        needThreshold: Double? = nil,
        needlessBelow: Double? = nil,
        needTier: Int = 2
    ) {
        self.triggers = triggers
        self.eventKind = eventKind
        self.tierKey = tierKey
        self.destinationKey = destinationKey
        self.handoffEvents = handoffEvents
        self.botReplies = botReplies
        self.needThreshold = needThreshold
        self.needlessBelow = needlessBelow
        self.needTier = needTier
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
    /// Where the escalation must go (values of the destination detail, such as `fraud`); empty for anywhere. An
    /// escalation elsewhere is the wrong tier, whatever its number.
    public var destinations: [String]
    /// How long the agent has, per channel; `nil` for no deadline.
    public var deadline: ChannelLimits<Duration>
    /// Fires only in the bot part of a conversation (a request for a person, said to a bot).
    public var botPhaseOnly: Bool

    public init(id: String, title: String = "", condition: Check, tier: Int, maximumTier: Int? = nil, destinations: [String] = [], deadline: ChannelLimits<Duration> = ChannelLimits(), botPhaseOnly: Bool = false) {
        self.id = id
        self.title = title
        self.condition = condition
        self.tier = tier
        self.maximumTier = maximumTier
        self.destinations = destinations
        self.deadline = deadline
        self.botPhaseOnly = botPhaseOnly
    }
}
