/// What a scorecard says about the customer, besides the agent's sections: how frustrated they were at the start,
/// at the worst moment and at the end, and how satisfied they are likely to be.
public struct CustomerSignals: Sendable, Hashable {
    /// Frustration (0-100) of the customer's first message, their most frustrated one and their last one; `nil`
    /// when the customer sent no message.
    public var frustrationStart: Double?
    public var frustrationPeak: Double?
    public var frustrationEnd: Double?
    /// 0-100: how satisfied the customer is likely to be at the end, from the end state (resolved or a committed
    /// next step, thanks, anger left unresolved, a refusal as the last word, repeats, escalation mistakes).
    public var outcome: Double
    /// The outcome model's features that moved the figure most, for reviewers ("resolved", "frustration-end").
    public var drivers: [String]

    public init(frustrationStart: Double?, frustrationPeak: Double?, frustrationEnd: Double?, outcome: Double, drivers: [String] = []) {
        self.frustrationStart = frustrationStart
        self.frustrationPeak = frustrationPeak
        self.frustrationEnd = frustrationEnd
        self.outcome = outcome
        self.drivers = drivers
    }
}

/// The features of one interaction for the three signal models, for `omniscore rubric fit`.
public struct SignalFeatures: Sendable, Hashable {
    /// Per agent message, in the order of `SignalModel.Kind.politeness.features`.
    public var politeness: [[Double]]
    public var need: [Double]
    public var outcome: [Double]
}
