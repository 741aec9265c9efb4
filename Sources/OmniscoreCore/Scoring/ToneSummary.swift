/// The continuous tone measures of one interaction, all on 0-100.
public struct ToneSummary: Sendable, Hashable {
    /// The tone-of-voice score: politeness, voice-guide adherence, empathy, consistency and style, weighted as
    /// the rubric's voice guide says.
    public var score: Double
    /// How polite the agent was (a blend of the mean and the least polite message).
    public var politeness: Double?
    /// How frustrated the customer was (a blend of the peak and the mean).
    public var frustration: Double?
    /// Mean sentiment of the customer's messages, -100 ... 100.
    public var customerSentiment: Double?
    /// The spread between the agent's most and least polite messages.
    public var drift: Double?
    /// Per-message measure (politeness for agent and bot messages, frustration for customer messages), by index.
    public var messages: [Double?]

    public init(score: Double, politeness: Double?, frustration: Double?, customerSentiment: Double?, drift: Double?, messages: [Double?]) {
        self.score = score
        self.politeness = politeness
        self.frustration = frustration
        self.customerSentiment = customerSentiment
        self.drift = drift
        self.messages = messages
    }
}
