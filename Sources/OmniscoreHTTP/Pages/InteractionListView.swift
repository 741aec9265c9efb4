import OmniscoreStorage

/// Rows of the interaction list (the list page and the agent page share the `interaction-rows` partial).
struct InteractionRowView: Sendable {
    var id: String
    var query: String
    var startedAt: String
    var channel: String
    var agent: String
    var team: String
    var scored: Bool
    var total: String
    var verdictClass: String
    var autoFailed: Bool
    var notScoredReason: String
    var escalation: String
    var rubricVersion: String

    init(_ row: WorkspaceStore.Row) {
        self.id = row.id
        self.query = Layout.query(row.id)
        self.startedAt = row.startedAt
        self.channel = row.channel
        self.agent = row.agentID ?? "–"
        self.team = row.team ?? "–"
        self.scored = row.status == "scored"
        self.total = Layout.score(row.total)
        self.verdictClass = row.passed == true ? "pass" : "fail"
        self.autoFailed = row.autoFailed == true
        self.notScoredReason = row.notScoredReason ?? ""
        self.escalation = row.escalation ?? ""
        self.rubricVersion = row.rubricVersion
    }
}

/// The interaction list page: the filter form, one page of rows, the link to the next page.
struct InteractionListView: Sendable {
    struct Field: Sendable {
        var name: String
        var value: String
    }

    struct Option: Sendable {
        var value: String
        var selected: Bool
    }

    var inputs: [Field]
    var verdicts: [Option]
    var dates: [Field]
    var rows: [InteractionRowView]
    /// The query string of the next page, if there is one.
    var next: String?

    init(rows: [WorkspaceStore.Row], next: String?, filter: WorkspaceStore.Filter) {
        self.inputs = [("channel", filter.channel), ("agent", filter.agent), ("team", filter.team), ("criterion", filter.criterion)].map { Field(name: $0.0, value: $0.1 ?? "") }
        self.verdicts = ["passed", "failed", "auto_failed", "not_scored"].map { Option(value: $0, selected: filter.verdict == $0) }
        self.dates = [("since", filter.since), ("until", filter.until)].map { Field(name: $0.0, value: $0.1 ?? "") }
        self.rows = rows.map(InteractionRowView.init)
        self.next = next.map { cursor in
            var parts: [String] = []
            for (name, value) in [("channel", filter.channel), ("agent", filter.agent), ("team", filter.team), ("verdict", filter.verdict), ("criterion", filter.criterion), ("since", filter.since), ("until", filter.until)] {
                if let value { parts.append("\(name)=\(Layout.query(value))") }
            }
            parts.append("cursor=\(Layout.query(cursor))")
            return parts.joined(separator: "&")
        }
    }
}
