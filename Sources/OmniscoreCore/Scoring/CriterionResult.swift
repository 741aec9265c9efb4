/// The verdict on one criterion, with the points it earned and why.
public struct CriterionResult: Sendable, Hashable {
    public var id: String
    public var section: String
    public var verdict: Verdict
    /// Points earned (0 unless passed).
    public var points: Double
    /// Points available (0 when N/A or a bonus).
    public var maximum: Double
    public var isCritical: Bool
    public var isBonus: Bool
    /// One line: why this verdict. Never empty, also when there is no evidence.
    public var reason: String
    public var evidence: [Evidence]

    public init(id: String, section: String, verdict: Verdict, points: Double, maximum: Double, isCritical: Bool, isBonus: Bool, reason: String, evidence: [Evidence]) {
        self.id = id
        self.section = section
        self.verdict = verdict
        self.points = points
        self.maximum = maximum
        self.isCritical = isCritical
        self.isBonus = isBonus
        self.reason = reason
        self.evidence = evidence
    }
}

/// A section's 0-100 score.
public struct SectionScore: Sendable, Hashable {
    public var id: String
    /// `nil` when every criterion of the section was N/A.
    public var score: Double?
    public var points: Double
    public var maximum: Double

    public init(id: String, score: Double?, points: Double, maximum: Double) {
        self.id = id
        self.score = score
        self.points = points
        self.maximum = maximum
    }
}
