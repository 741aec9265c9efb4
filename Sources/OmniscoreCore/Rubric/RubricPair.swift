/// Two versions of one interaction that differ in one behaviour, and where the better one must score higher: the
/// rubric's contrastive tests. `omniscore rubric check` scores both and reports each pair the rubric cannot tell
/// apart.
public struct RubricPair: Sendable, Hashable {
    /// What the better version must score higher on.
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        /// A section's 0-100 score (both versions must have one).
        case section(String)
        /// A criterion: the better version passes and the worse one fails.
        case criterion(String)
        /// The rubric's total.
        case total
        /// The customer's likely satisfaction at the end (`customer.outcome`).
        case outcome

        public var description: String {
            switch self {
            case .section(let id): return "section \(id)"
            case .criterion(let id): return "criterion \(id)"
            case .total: return "total"
            case .outcome: return "customer outcome"
            }
        }
    }

    /// Unique within its file, for reports.
    public var name: String
    /// A tag for grouping in reports, such as `sarcasm` or `handover`.
    public var behaviour: String
    public var target: Target
    /// What differs, in one sentence.
    public var note: String
    public var better: Interaction
    public var worse: Interaction
    /// Earlier interactions of the same customer, shared by both versions.
    public var history: [Interaction]
    /// Where the pair is written, `file:line:column`.
    public var location: String

    public init(name: String, behaviour: String = "", target: Target, note: String = "", better: Interaction, worse: Interaction, history: [Interaction] = [], location: String = "") {
        self.name = name
        self.behaviour = behaviour
        self.target = target
        self.note = note
        self.better = better
        self.worse = worse
        self.history = history
        self.location = location
    }
}
