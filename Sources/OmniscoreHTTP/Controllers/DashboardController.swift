import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreInterchange
import OmniscoreCore
import OmniscoreStorage

/// The QA lead's and trainer's overview: coverage (including what was not scored and why), scores by channel,
/// team and section, the monthly trend and the criteria that fail most.
struct DashboardController {
    let client: DatabaseClient

    func add(to router: Router<WorkspaceContext>) {
        router.get("/") { _, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.staff)
            let board = try await self.client.withConnection { try WorkspaceStore().dashboard(on: $0) }
            return Responses.html(Layout.page("Dashboard", user: user, csrf: context.csrfToken, Self.render(board)))
        }
        router.get("/api/dashboard") { _, context in
            _ = try Access.require(context, Access.staff)
            let board = try await self.client.withConnection { try WorkspaceStore().dashboard(on: $0) }
            var w = JSONWriter()
            w.beginObject()
            w.key("rubric"); w.optionalString(board.rubric.map { "\($0.id) \($0.version)" })
            w.key("hub_interactions"); w.int(board.hubInteractions)
            w.key("hub_interactions_estimated"); w.bool(board.hubIsEstimate)
            w.key("scored"); w.int(board.scored)
            w.key("not_scored"); w.beginObjectValue()
            for item in board.notScored { w.key(item.reason); w.int(item.count) }
            w.endObject()
            w.key("quarantined"); w.int(board.quarantined)
            w.key("queue_depth"); w.int(board.queueDepth)
            w.key("channels"); w.beginObjectValue()
            for item in board.channels { w.key(item.name); w.optionalNumber(item.mean) }
            w.endObject()
            func groups(_ key: String, _ items: [(name: String, count: Int, mean: Double?)]) {
                w.key(key); w.beginArrayValue()
                for item in items {
                    w.beginObject()
                    w.key("name"); w.string(item.name)
                    w.key("scored"); w.int(item.count)
                    w.key("mean"); w.optionalNumber(item.mean)
                    w.endObject()
                }
                w.endArray()
            }
            groups("by_channel", board.channels)
            groups("by_team", board.teams)
            w.key("by_section"); w.beginObjectValue()
            for item in board.sections { w.key(item.name); w.optionalNumber(item.mean) }
            w.endObject()
            w.key("failing_criteria"); w.beginArrayValue()
            for item in board.failing {
                w.beginObject()
                w.key("criterion"); w.string(item.criterion)
                w.key("fails"); w.int(item.fails)
                w.key("applicable"); w.int(item.applicable)
                w.endObject()
            }
            w.endArray()
            w.key("trend"); w.beginArrayValue()
            for month in board.trend {
                w.beginObject()
                w.key("month"); w.string(month.month)
                w.key("scored"); w.int(month.count)
                w.key("mean"); w.optionalNumber(month.mean)
                w.key("sections"); w.beginObjectValue()
                for name in month.sections.keys.sorted() { w.key(name); w.optionalNumber(month.sections[name]) }
                w.endObject()
                w.endObject()
            }
            w.endArray()
            w.endObject()
            return Responses.json(String(decoding: w.bytes, as: UTF8.self))
        }
    }

    static func render(_ board: WorkspaceStore.Dashboard) -> String {
        guard let rubric = board.rubric else {
            return "<h1>Dashboard</h1><p>Nothing scored yet. Run <code>omniscore run --once</code>.</p>"
        }
        let notScored = board.notScored.reduce(0) { $0 + $1.count }
        let unscored = max(0, board.hubInteractions - board.scored - notScored - board.quarantined - board.queueDepth)
        var h = "<h1>Dashboard</h1><p class=\"muted\">Rubric <code>\(rubric.id.htmlEscaped)</code> \(rubric.version.htmlEscaped) · sha256 <code>\(String(rubric.sha256.prefix(12)).htmlEscaped)</code></p>"
        h += "<div class=\"cards\"><div class=\"card\">Interactions<b>\(board.hubIsEstimate ? "≈ " : "")\(board.hubInteractions)</b>in the hub</div><div class=\"card\">Scored<b>\(board.scored)</b></div>"
        h += "<div class=\"card\">Not scored<b>\(notScored)</b>" + board.notScored.map { "\($0.reason.htmlEscaped) \($0.count)" }.joined(separator: ", ") + "</div>"
        h += "<div class=\"card\">Quarantined<b>\(board.quarantined)</b>unreadable rows</div><div class=\"card\">Waiting<b>\(board.queueDepth + unscored)</b>queued or not sampled</div></div>"
        h += "<div class=\"grid\"><div><h2>By channel</h2><table><tr><th>channel</th><th>scored</th><th>mean</th><th></th></tr>"
        for item in board.channels {
            h += "<tr><td><a href=\"/interactions?channel=\(Layout.query(item.name))\">\(item.name.htmlEscaped)</a></td><td>\(item.count)</td><td>\(Layout.score(item.mean))</td><td>\(Layout.bar(item.mean))</td></tr>"
        }
        h += "</table><h2>By team</h2><table><tr><th>team</th><th>scored</th><th>mean</th><th></th></tr>"
        for item in board.teams {
            h += "<tr><td><a href=\"/interactions?team=\(Layout.query(item.name))\">\(item.name.htmlEscaped)</a></td><td>\(item.count)</td><td>\(Layout.score(item.mean))</td><td>\(Layout.bar(item.mean))</td></tr>"
        }
        h += "</table></div><div><h2>By section</h2><table><tr><th>section</th><th>mean</th><th></th></tr>"
        for item in board.sections { h += "<tr><td>\(item.name.htmlEscaped)</td><td>\(Layout.score(item.mean))</td><td>\(Layout.bar(item.mean))</td></tr>" }
        h += "</table><h2>Criteria that fail most</h2><table><tr><th>criterion</th><th>fails</th><th>of applicable</th></tr>"
        for item in board.failing {
            h += "<tr><td><a href=\"/interactions?criterion=\(Layout.query(item.criterion))\">\(item.criterion.htmlEscaped)</a></td><td class=\"fail\">\(item.fails)</td><td>\(item.applicable)</td></tr>"
        }
        h += "</table></div></div><h2>Over time</h2><table><tr><th>month</th><th>scored</th><th>mean</th>"
        let sectionNames = board.sections.map(\.name)
        for name in sectionNames { h += "<th>\(name.htmlEscaped)</th>" }
        h += "</tr>"
        for month in board.trend {
            h += "<tr><td>\(month.month.htmlEscaped)</td><td>\(month.count)</td><td>\(Layout.score(month.mean))</td>"
            for name in sectionNames { h += "<td>\(Layout.score(month.sections[name]))</td>" }
            h += "</tr>"
        }
        return h + "</table>"
    }
}
