import OmniscoreStorage

/// What the dashboard template shows, formatted for display.
struct DashboardView: Sendable {
    struct Group: Sendable {
        var name: String
        var query: String
        var count: Int
        var mean: String
        var barWidth: Int
    }

    struct Section: Sendable {
        var name: String
        var mean: String
        var barWidth: Int
    }

    struct Failing: Sendable {
        var criterion: String
        var query: String
        var fails: Int
        var applicable: Int
    }

    struct Month: Sendable {
        var month: String
        var count: Int
        var mean: String
        var sections: [String]
    }

    struct Rubric: Sendable {
        var id: String
        var version: String
        var shortSHA: String
        var hub: String
        var scored: Int
        var notScoredTotal: Int
        var notScoredList: String
        var quarantined: Int
        var waiting: Int
        var channels: [Group]
        var teams: [Group]
        var sections: [Section]
        var failing: [Failing]
        var sectionNames: [String]
        var trend: [Month]
    }

    var rubric: Rubric?

    init(_ board: WorkspaceStore.Dashboard) {
        guard let rubric = board.rubric else {
            self.rubric = nil
            return
        }
        let notScored = board.notScored.reduce(0) { $0 + $1.count }
        let unscored = max(0, board.hubInteractions - board.scored - notScored - board.quarantined - board.queueDepth)
        func group(_ item: (name: String, count: Int, mean: Double?)) -> Group {
            Group(name: item.name, query: Layout.query(item.name), count: item.count, mean: Layout.score(item.mean), barWidth: Layout.barWidth(item.mean))
        }
        let sectionNames = board.sections.map(\.name)
        self.rubric = Rubric(
            id: rubric.id,
            version: rubric.version,
            shortSHA: String(rubric.sha256.prefix(12)),
            hub: (board.hubIsEstimate ? "≈ " : "") + String(board.hubInteractions),
            scored: board.scored,
            notScoredTotal: notScored,
            notScoredList: board.notScored.map { "\($0.reason) \($0.count)" }.joined(separator: ", "),
            quarantined: board.quarantined,
            waiting: board.queueDepth + unscored,
            channels: board.channels.map(group),
            teams: board.teams.map(group),
            sections: board.sections.map { Section(name: $0.name, mean: Layout.score($0.mean), barWidth: Layout.barWidth($0.mean)) },
            failing: board.failing.map { Failing(criterion: $0.criterion, query: Layout.query($0.criterion), fails: $0.fails, applicable: $0.applicable) },
            sectionNames: sectionNames,
            trend: board.trend.map { month in
                Month(month: month.month, count: month.count, mean: Layout.score(month.mean), sections: sectionNames.map { Layout.score(month.sections[$0]) })
            }
        )
    }
}
