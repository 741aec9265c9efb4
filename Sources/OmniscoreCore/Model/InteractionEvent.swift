/// A structured event of an interaction: `escalated`, `transferred`, `identity_verified`, `refund_issued`, ...
public struct InteractionEvent: Sendable, Hashable {
    /// The event kind, lower case with underscores.
    public var kind: String
    /// When it happened, if known.
    public var at: Timestamp?
    /// Who caused it (an agent id, `system`, ...).
    public var actor: String?
    /// Attributes such as `tier`, `amount`, `currency`, `reference`, in document order.
    public var detail: [(key: String, value: JSONValue)]

    /// Creates an event.
    public init(kind: String, at: Timestamp? = nil, actor: String? = nil, detail: [(key: String, value: JSONValue)] = []) {
        self.kind = kind
        self.at = at
        self.actor = actor
        self.detail = detail
    }

    /// The detail value for `key`, or `nil`.
    public subscript(detail key: String) -> JSONValue? {
        self.detail.first { $0.key == key }?.value
    }

    public static func == (lhs: InteractionEvent, rhs: InteractionEvent) -> Bool {
        lhs.kind == rhs.kind && lhs.at == rhs.at && lhs.actor == rhs.actor
            && JSONValue.object(lhs.detail) == JSONValue.object(rhs.detail)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.kind)
        hasher.combine(self.at)
        hasher.combine(self.actor)
        hasher.combine(JSONValue.object(self.detail))
    }
}
