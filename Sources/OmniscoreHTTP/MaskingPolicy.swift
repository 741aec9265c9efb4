public import OmniscoreCore
public import OmniscoreStorage

/// Which roles see personal data (customer names and handles, e-mail addresses, phone, card and account numbers,
/// postcodes) in transcripts, evidence and reasons. Everyone else sees `[name]`, `[email]`, ... in the pages and the
/// JSON API alike, as in the coaching reports. By default QA leads and admins, who review transcripts, see them;
/// trainers and agents do not (`serve --unmasked-roles` changes it).
public struct MaskingPolicy: Sendable {
    public var unmaskedRoles: Set<AccessStore.Role>

    public init(unmaskedRoles: Set<AccessStore.Role> = [.admin, .qaLead]) {
        self.unmaskedRoles = unmaskedRoles
    }

    /// The masker for `user`'s view of an interaction whose customer goes by `names`; nil when they see it all.
    func masker(for user: AccessStore.User, names: [String]) -> PIIMasker? {
        self.unmaskedRoles.contains(user.role) ? nil : PIIMasker(names: names)
    }

    /// Keys of a scorecard whose string values may quote the conversation.
    static let quotingKeys: Set<String> = ["quote", "reason", "detail", "note", "drivers", "summary", "escalated_to", "to", "text"]

    /// `value` with every string under a quoting key masked (everything else, ids and verdicts, unchanged).
    static func mask(_ value: JSONValue, with masker: PIIMasker, quoting: Bool = false) -> JSONValue {
        switch value {
        case .string(let text):
            return quoting ? .string(masker.mask(text)) : value
        case .array(let items):
            return .array(items.map { Self.mask($0, with: masker, quoting: quoting) })
        case .object(let members):
            return .object(members.map { (key: $0.key, value: Self.mask($0.value, with: masker, quoting: quoting || Self.quotingKeys.contains($0.key))) })
        default:
            return value
        }
    }
}
