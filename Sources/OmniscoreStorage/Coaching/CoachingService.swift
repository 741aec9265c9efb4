public import OmniscoreCore

/// Builds coaching reports from the database: aggregate, rank the focus areas, fetch their evidence, mask
/// personal data, and optionally publish (history, profile summary, outbox).
public struct CoachingService: Sendable {
    public var client: DatabaseClient
    public var rubric: Rubric
    public var period: ReportPeriod
    public var minimumSample: Int

    public init(client: DatabaseClient, rubric: Rubric, period: ReportPeriod, minimumSample: Int = 10) {
        self.client = client
        self.rubric = rubric
        self.period = period
        self.minimumSample = minimumSample
    }

    /// Reports for the selection (only agents with scored interactions in the period).
    public func reports(for selection: CoachingStore.Selection) async throws -> [CoachingReport] {
        let store = CoachingStore(rubricSHA256: self.rubric.sha256, rubricID: self.rubric.id, period: self.period)
        let rubric = self.rubric
        let period = self.period
        let minimumSample = self.minimumSample
        return try await self.client.withConnection { connection in
            let scope = try store.agentScope(selection, on: connection)
            var input = try store.figures(scope: scope, on: connection)
            let wanted: Set<String>? = {
                switch selection {
                case .agent(let id): return [id]
                case .team: return scope.map(Set.init)
                case .all: return nil
                }
            }()
            let draft = CoachingReportBuilder(rubric: rubric, period: period, minimumSample: minimumSample).reports(from: input)
                .filter { wanted?.contains($0.agentID) ?? true }
            let pairs = draft.flatMap { report in report.focus.map { (agent: report.agentID, criterion: $0.criterion.id) } }
            input.excerpts = try store.excerpts(for: pairs, on: connection)
            let names = try CoachingStore.customerNames(of: Array(Set(input.excerpts.map(\.interactionID))), on: connection)
            let builder = CoachingReportBuilder(rubric: rubric, period: period, masker: PIIMasker(names: names), minimumSample: minimumSample)
            return builder.reports(from: input).filter { wanted?.contains($0.agentID) ?? true }
        }
    }
}
