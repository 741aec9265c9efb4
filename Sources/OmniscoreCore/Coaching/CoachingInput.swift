/// The aggregated figures a coaching report is built from, as the database's set-based queries return them for
/// many agents at once. Plain values: building the report is pure.
public struct CoachingInput: Sendable {
    public struct CriterionCount: Sendable, Hashable {
        public var agentID: String
        public var criterionID: String
        public var isCurrent: Bool
        public var passes: Int
        public var fails: Int
        public init(agentID: String, criterionID: String, isCurrent: Bool, passes: Int, fails: Int) {
            self.agentID = agentID
            self.criterionID = criterionID
            self.isCurrent = isCurrent
            self.passes = passes
            self.fails = fails
        }
    }

    public struct ScoreSummary: Sendable, Hashable {
        public var agentID: String
        public var isCurrent: Bool
        public var count: Int
        public var meanTotal: Double?
        public var sectionMeans: [String: Double]
        /// The mean likely customer outcome (0-100) of the agent's scored interactions.
        public var meanOutcome: Double?
        public init(agentID: String, isCurrent: Bool, count: Int, meanTotal: Double?, sectionMeans: [String: Double], meanOutcome: Double? = nil) {
            self.agentID = agentID
            self.isCurrent = isCurrent
            self.count = count
            self.meanTotal = meanTotal
            self.sectionMeans = sectionMeans
            self.meanOutcome = meanOutcome
        }
    }

    public struct ChannelSummary: Sendable, Hashable {
        public var agentID: String
        public var channel: String
        public var count: Int
        public var meanTotal: Double?
        public var meanTone: Double?
        public init(agentID: String, channel: String, count: Int, meanTotal: Double?, meanTone: Double?) {
            self.agentID = agentID
            self.channel = channel
            self.count = count
            self.meanTotal = meanTotal
            self.meanTone = meanTone
        }
    }

    public struct TrendPoint: Sendable, Hashable {
        public var agentID: String
        public var period: String
        public var count: Int
        public var meanTotal: Double?
        public init(agentID: String, period: String, count: Int, meanTotal: Double?) {
            self.agentID = agentID
            self.period = period
            self.count = count
            self.meanTotal = meanTotal
        }
    }

    public struct EscalationMistake: Sendable, Hashable {
        public var agentID: String
        public var interactionID: String
        public var kind: String
        public var channel: String
        public init(agentID: String, interactionID: String, kind: String, channel: String) {
            self.agentID = agentID
            self.interactionID = interactionID
            self.kind = kind
            self.channel = channel
        }
    }

    public struct Excerpt: Sendable, Hashable {
        public var agentID: String
        public var criterionID: String
        public var interactionID: String
        public var quote: String
        public var reason: String
        public init(agentID: String, criterionID: String, interactionID: String, quote: String, reason: String) {
            self.agentID = agentID
            self.criterionID = criterionID
            self.interactionID = interactionID
            self.quote = quote
            self.reason = reason
        }
    }

    /// Agent id to (name, team).
    public var agents: [String: (name: String?, team: String?)] = [:]
    public var criteria: [CriterionCount] = []
    public var scores: [ScoreSummary] = []
    public var channels: [ChannelSummary] = []
    public var trend: [TrendPoint] = []
    public var escalationMistakes: [EscalationMistake] = []
    public var excerpts: [Excerpt] = []
    /// Other rubric versions that scored interactions of the period, with their counts (said in the report).
    public var otherVersions: [(version: String, sha256: String, count: Int)] = []

    public init() {}
}
