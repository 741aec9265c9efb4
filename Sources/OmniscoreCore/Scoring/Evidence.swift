/// What a verdict rests on: a quoted span of a message, an event, or an earlier interaction of the journey.
public struct Evidence: Sendable, Hashable {
    /// 0-based index of the message in the interaction.
    public var message: Int?
    /// Who wrote it.
    public var speaker: Role?
    /// Start and end (exclusive) of the quoted span, in Unicode scalars of the original message text.
    public var start: Int?
    public var end: Int?
    /// The quoted words, as written (shortened with "…" past 160 characters).
    public var quote: String?
    /// 0-based index of the event in the interaction.
    public var event: Int?
    /// The event kind, when `event` is set.
    public var eventKind: String?
    /// An earlier interaction of the same customer, for journey checks.
    public var interaction: String?
    /// A one-line explanation of this piece of evidence.
    public var note: String?

    public init(
        message: Int? = nil,
        speaker: Role? = nil,
        start: Int? = nil,
        end: Int? = nil,
        quote: String? = nil,
        event: Int? = nil,
        eventKind: String? = nil,
        interaction: String? = nil,
        note: String? = nil
    ) {
        self.message = message
        self.speaker = speaker
        self.start = start
        self.end = end
        self.quote = quote
        self.event = event
        self.eventKind = eventKind
        self.interaction = interaction
        self.note = note
    }
}
