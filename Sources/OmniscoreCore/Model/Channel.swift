/// A support channel an interaction took place on.
public enum Channel: String, Sendable, Hashable, CaseIterable, Comparable {
    case chat
    case email
    case voice
    case sms
    case social
    case messaging

    /// Parses a channel name as written in interchange files and rubrics (case-insensitive).
    public init?(name: some StringProtocol) {
        self.init(rawValue: name.lowercased())
    }

    public static func < (lhs: Channel, rhs: Channel) -> Bool {
        lhs.sortIndex < rhs.sortIndex
    }

    private var sortIndex: Int {
        Channel.allCases.firstIndex(of: self)!
    }
}
