/// The outcome of one criterion (or one check) on one interaction.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    case pass
    case fail
    /// Not applicable: removed from the denominator.
    case na
}
