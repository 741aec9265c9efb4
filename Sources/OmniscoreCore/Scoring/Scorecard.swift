/// The result of scoring one interaction against one rubric version.
public struct Scorecard: Sendable, Hashable {
    /// The rubric version that produced this scorecard.
    public struct RubricReference: Sendable, Hashable {
        public var id: String
        public var version: String
        public var sha256: String

        public init(id: String, version: String, sha256: String) {
            self.id = id
            self.version = version
            self.sha256 = sha256
        }
    }

    public enum Status: Sendable, Hashable {
        case scored
        case notScored(NotScoredReason, detail: String)
    }

    public var interactionID: String
    public var agentID: String?
    public var customerID: String
    public var team: String?
    public var channel: Channel
    public var startedAt: Timestamp
    public var rubric: RubricReference
    public var status: Status
    /// The language used for the decision (given or detected), if known.
    public var language: String?
    /// 0-100, `nil` when not scored.
    public var total: Double?
    /// A critical criterion failed.
    public var isAutoFailed: Bool
    /// `total` reached the rubric's pass mark.
    public var isPassed: Bool
    public var sections: [SectionScore]
    public var criteria: [CriterionResult]
    public var tone: ToneSummary?
    public var escalation: EscalationOutcome?
    /// How strongly the conversation called for escalation, 0-100, whether or not a trigger fired.
    public var escalationNeed: Double?
    /// The customer's frustration at the start, peak and end, and the likely outcome.
    public var customer: CustomerSignals?
    /// What later interactions of this customer need to know about this one (not part of the printed output).
    public var journeyRecord: JourneyRecord

    /// Whether the interaction was scored.
    public var isScored: Bool { self.notScoredReason == nil }

    /// The reason it was not scored, if it was not.
    // Not inlined: Swift 6.3.1's optimiser crashes (ownership verifier, CopyPropagation) when this switch is
    // inlined into long loops in other modules, as in `RubricCheck.run` built with -c release.
    public var notScoredReason: NotScoredReason? {
        @inline(never) get {
            switch self.status {
            case .scored: return nil
            case .notScored(let reason, _): return reason
            }
        }
    }

    /// The result for criterion `id`.
    public func result(for id: String) -> CriterionResult? {
        self.criteria.first { $0.id == id }
    }
}
