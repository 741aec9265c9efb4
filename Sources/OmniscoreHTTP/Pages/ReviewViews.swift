import OmniscoreCore
import OmniscoreInterchange
import OmniscoreStorage

/// The review queue page.
struct ReviewQueueView: Sendable {
    struct Item: Sendable {
        var id: String
        var query: String
        var channel: String
        var agent: String
        var total: String
        var control: Bool
    }

    var items: [Item]

    init(_ queue: [(id: String, channel: String, agent: String?, total: Double?, control: Bool)]) {
        self.items = queue.map { Item(id: $0.id, query: Layout.query($0.id), channel: $0.channel, agent: $0.agent ?? "–", total: Layout.score($0.total), control: $0.control) }
    }
}

/// The calibration page: a rubric version selector, agreement per criterion and per month.
struct CalibrationView: Sendable {
    struct Version: Sendable {
        var sha256: String
        var id: String
        var version: String
        var scored: Int
        var selected: Bool
    }

    struct Row: Sendable {
        var name: String
        var automaticN: Int
        var automaticAgreement: String
        var automaticKappa: String
        var reviewersN: Int
        var reviewersAgreement: String
        var reviewersKappa: String

        init(_ name: String, _ automatic: AgreementStatistics, _ reviewers: AgreementStatistics) {
            self.name = name
            self.automaticN = automatic.count
            self.automaticAgreement = CalibrationView.percent(automatic.accuracy)
            self.automaticKappa = CalibrationView.number(automatic.kappa)
            self.reviewersN = reviewers.count
            self.reviewersAgreement = CalibrationView.percent(reviewers.accuracy)
            self.reviewersKappa = CalibrationView.number(reviewers.kappa)
        }
    }

    var versions: [Version]
    var criteria: [Row]
    var months: [Row]

    init(criteria: [WorkspaceStore.Calibration], months: [WorkspaceStore.CalibrationMonth], versions: [WorkspaceStore.RubricVersion], selected: String?) {
        self.versions = versions.map { Version(sha256: $0.sha256, id: $0.id, version: $0.version, scored: $0.scored, selected: $0.sha256 == selected) }
        self.criteria = criteria.map { Row($0.criterion, $0.automatic, $0.reviewers) }
        self.months = months.map { Row($0.month, $0.automatic, $0.reviewers) }
    }

    static func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
    static func number(_ value: Double?) -> String { value.map { JSONWriter.format($0) } ?? "–" }
}

/// The disputes page, with the decision form for QA leads on open disputes.
struct DisputesView: Sendable {
    struct Item: Sendable {
        var id: Int
        var interaction: String
        var query: String
        var criterion: String
        var by: String
        var reason: String
        var status: String
        var resolution: String?
        var mayDecide: Bool
    }

    var disputes: [Item]

    init(_ disputes: [(id: Int, interaction: String, criterion: String, by: String, reason: String, status: String, resolution: String?)], user: AccessStore.User) {
        let lead = user.role == .admin || user.role == .qaLead
        self.disputes = disputes.map {
            Item(id: $0.id, interaction: $0.interaction, query: Layout.query($0.interaction), criterion: $0.criterion, by: $0.by, reason: $0.reason,
                 status: $0.status, resolution: $0.resolution, mayDecide: lead && $0.status == "open")
        }
    }
}

/// An agent's page: their coaching reports and recent scores.
struct AgentView: Sendable {
    struct Report: Sendable {
        var query: String
        var period: String
        var overall: String
        var interactions: Int
    }

    var id: String
    var name: String
    var team: String?
    var reports: [Report]
    var rows: [InteractionRowView]

    init(id: String, agent: (name: String?, team: String?, scores: [WorkspaceStore.Row], reports: [(id: String, period: String, overall: Double?, interactions: Int)])) {
        self.id = id
        self.name = agent.name ?? id
        self.team = agent.team
        self.reports = agent.reports.map { Report(query: Layout.query($0.id), period: $0.period, overall: Layout.score($0.overall), interactions: $0.interactions) }
        self.rows = agent.scores.map(InteractionRowView.init)
    }
}

/// The sign-in page.
struct LoginView: Sendable {
    var failed: Bool
}
