/// One message (or one speaker turn of a voice transcript) of an interaction.
public struct Message: Sendable, Hashable {
    /// Who wrote or said it.
    public var role: Role
    /// The display name or id of the author, as the source system knows it; never logged.
    public var author: String?
    /// When it was sent, if the source knows.
    public var at: Timestamp?
    /// The text, exactly as received.
    public var text: String

    /// Creates a message.
    public init(role: Role, author: String? = nil, at: Timestamp? = nil, text: String) {
        self.role = role
        self.author = author
        self.at = at
        self.text = text
    }
}
