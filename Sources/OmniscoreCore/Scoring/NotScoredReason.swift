/// Why an interaction was not scored: reported instead of a silent zero.
public enum NotScoredReason: String, Sendable, Hashable, CaseIterable {
    /// No message with any text.
    case empty
    /// No message from a human agent.
    case noAgentMessage = "no_agent_message"
    /// Every agent message is an automated acknowledgement ("we have received your e-mail").
    case automatedOnly = "automated_only"
    /// The channel is not one the rubric covers.
    case unsupportedChannel = "unsupported_channel"
    /// The language is not one the rubric covers.
    case languageNotCovered = "language_not_covered"
    /// Fewer agent messages or words than the rubric's minimum.
    case tooShort = "too_short"
    /// Outside the rubric's scope.
    case outOfScope = "out_of_scope"
    /// Every criterion was N/A.
    case nothingApplicable = "nothing_applicable"
}
