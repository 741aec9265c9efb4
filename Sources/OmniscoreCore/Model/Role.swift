/// Who wrote or said a message.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case customer
    case agent
    case bot
    case system

    /// Parses a role name as written in interchange files and rubrics (case-insensitive).
    public init?(name: some StringProtocol) {
        self.init(rawValue: name.lowercased())
    }
}
