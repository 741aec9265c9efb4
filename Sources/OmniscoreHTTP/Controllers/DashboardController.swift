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
            return Responses.html(Templates.page("dashboard", title: "Dashboard", user: user, csrf: context.csrfToken, DashboardView(board)))
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
}
