/// One agent's coaching report for one period: scores against the previous period and the team median, with
/// sample sizes and Wilson intervals, the weakest criteria with evidence and coaching text, strengths, channels,
/// escalation mistakes and the trend. Every text in it is already masked.
public struct CoachingReport: Sendable {
    public struct Rate: Sendable, Hashable {
        public var passes: Int
        public var fails: Int
        public var applicable: Int { self.passes + self.fails }
        public var passRate: Double? { self.applicable > 0 ? Double(self.passes) / Double(self.applicable) : nil }
        public var interval: WilsonInterval? { WilsonInterval(successes: self.passes, total: self.applicable) }
    }

    public struct CriterionLine: Sendable {
        public var id: String
        public var section: String
        public var title: String
        public var points: Double
        public var current: Rate
        public var previous: Rate?
        public var teamMedianPassRate: Double?
        /// Weight × fail rate: how much fixing this would add.
        public var priority: Double
        public var isTooFew: Bool
    }

    public struct Focus: Sendable {
        public var criterion: CriterionLine
        public var coaching: String
        public var excerpts: [CoachingInput.Excerpt]
    }

    public struct SectionLine: Sendable {
        public var id: String
        public var title: String
        public var mean: Double?
        public var previousMean: Double?
        public var teamMedian: Double?
    }

    public var id: String
    public var agentID: String
    public var agentName: String?
    public var team: String?
    public var period: String
    public var previousPeriod: String
    public var rubricID: String
    public var rubricVersion: String
    public var rubricSHA256: String
    public var interactions: Int
    public var previousInteractions: Int
    public var minimumSample: Int
    public var overall: Double?
    public var previousOverall: Double?
    public var teamMedianOverall: Double?
    /// How satisfied the agent's customers are likely to be at the end (mean `customer.outcome`, 0-100), now and in
    /// the previous period.
    public var customerOutcome: Double? = nil
    public var previousCustomerOutcome: Double? = nil
    public var sections: [SectionLine]
    public var criteria: [CriterionLine]
    public var focus: [Focus]
    public var strengths: [CriterionLine]
    public var channels: [CoachingInput.ChannelSummary]
    /// Largest difference in mean tone score between channels with enough interactions (nil with fewer than 2).
    public var toneSpread: Double?
    public var escalationMistakes: [CoachingInput.EscalationMistake]
    public var trend: [CoachingInput.TrendPoint]
    /// Said plainly when the period was scored with more than one rubric version.
    public var versionNote: String?

    public var isTooFew: Bool { self.interactions < self.minimumSample }
}
