/// What later interactions of the same customer need to know about an earlier one: enough for repeat-contact,
/// asked-again and cross-channel tone checks, without keeping the transcript.
public struct JourneyRecord: Sendable, Hashable {
    public var interactionID: String
    public var customerID: String
    public var channel: Channel
    public var startedAt: Timestamp
    /// Normalised content words of the subject, for "same issue" decisions.
    public var subjectWords: [String]
    /// Issue identifiers seen in the customer's messages (normalised order numbers), for "same issue" decisions.
    public var issueKeys: [String]
    /// The kinds of information the customer gave (never the values).
    public var providedInfo: Set<InfoKind>
    /// How warm the agent was in that interaction (0-1): the mean politeness of the warmer half of their
    /// messages, which informational replies do not dilute; `nil` without agent messages.
    public var agentWarmth: Double?
    public var wasEscalated: Bool

    public init(
        interactionID: String,
        customerID: String,
        channel: Channel,
        startedAt: Timestamp,
        subjectWords: [String] = [],
        issueKeys: [String] = [],
        providedInfo: Set<InfoKind> = [],
        agentWarmth: Double? = nil,
        wasEscalated: Bool = false
    ) {
        self.interactionID = interactionID
        self.customerID = customerID
        self.channel = channel
        self.startedAt = startedAt
        self.subjectWords = subjectWords
        self.issueKeys = issueKeys
        self.providedInfo = providedInfo
        self.agentWarmth = agentWarmth
        self.wasEscalated = wasEscalated
    }

    /// Whether this record and `other` are probably about the same issue: they share an order number, or their
    /// subjects share a content word (the product or topic, once generic support words are set aside). With
    /// nothing to compare, contacts within the window are assumed to be about the same issue, as a QA lead
    /// reading the journey would assume.
    public func isSameIssue(as other: JourneyRecord) -> Bool {
        if !self.issueKeys.isEmpty, !other.issueKeys.isEmpty, self.issueKeys.contains(where: other.issueKeys.contains) {
            return true
        }
        if !self.subjectWords.isEmpty, !other.subjectWords.isEmpty {
            return self.subjectWords.contains(where: other.subjectWords.contains)
        }
        if !self.issueKeys.isEmpty, !other.issueKeys.isEmpty { return false }
        return true
    }
}
