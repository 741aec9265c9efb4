/// One customer interaction on one channel: a chat, an e-mail thread, a call transcript, an SMS or social thread.
public struct Interaction: Sendable, Hashable {
    /// The source system's id.
    public var id: String
    /// The channel it took place on.
    public var channel: Channel
    /// The shared customer profile id; journey checks group interactions by it.
    public var customerID: String
    /// The agent who handled it, if any (bot-only and unanswered interactions have none).
    public var agentID: String?
    /// The agent's team, when the source knows it.
    public var team: String?
    /// When the interaction started.
    public var startedAt: Timestamp
    /// When it ended, if it has.
    public var endedAt: Timestamp?
    /// The subject line or topic, if any.
    public var subject: String?
    /// The ISO 639-1 language code, when the source knows it; otherwise it is detected from the text.
    public var language: String?
    /// The messages in the order they were sent.
    public var messages: [Message]
    /// The structured events, in the order they happened.
    public var events: [InteractionEvent]

    /// Creates an interaction.
    public init(
        id: String,
        channel: Channel,
        customerID: String,
        agentID: String? = nil,
        team: String? = nil,
        startedAt: Timestamp,
        endedAt: Timestamp? = nil,
        subject: String? = nil,
        language: String? = nil,
        messages: [Message] = [],
        events: [InteractionEvent] = []
    ) {
        self.id = id
        self.channel = channel
        self.customerID = customerID
        self.agentID = agentID
        self.team = team
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.subject = subject
        self.language = language
        self.messages = messages
        self.events = events
    }
}
