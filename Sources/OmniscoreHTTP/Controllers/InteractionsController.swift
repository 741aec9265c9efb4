import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreStorage

/// The interaction list (HTML and JSON, keyset-paged), one interaction with its journey and highlighted
/// evidence, human review verdicts and disputes.
struct InteractionsController {
    let client: DatabaseClient

    func add(to router: Router<WorkspaceContext>) {
        router.get("/interactions") { request, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.readers)
            let (filter, cursor) = Self.filter(request)
            let page = try await self.client.withConnection { try WorkspaceStore().interactions(filter, scope: Access.scope(user), cursor: cursor, limit: 50, on: $0) }
            return Responses.html(Templates.page("interactions", title: "Interactions", user: user, csrf: context.csrfToken, InteractionListView(rows: page.rows, next: page.next, filter: filter)))
        }
        router.get("/api/interactions") { request, context in
            let user = try Access.require(context, Access.readers)
            let (filter, cursor) = Self.filter(request)
            let limit = min(500, max(1, request.uri.queryParameters.get("limit").flatMap(Int.init) ?? 100))
            let page = try await self.client.withConnection { try WorkspaceStore().interactions(filter, scope: Access.scope(user), cursor: cursor, limit: limit, on: $0) }
            var w = JSONWriter()
            w.beginObject()
            w.key("items"); w.beginArrayValue()
            for row in page.rows {
                w.beginObject()
                w.key("id"); w.string(row.id)
                w.key("channel"); w.string(row.channel)
                w.key("agent_id"); w.optionalString(row.agentID)
                w.key("team"); w.optionalString(row.team)
                w.key("started_at"); w.string(row.startedAt)
                w.key("status"); w.string(row.status)
                w.key("total"); w.optionalNumber(row.total)
                w.key("passed"); if let passed = row.passed { w.bool(passed) } else { w.null() }
                w.key("escalation"); w.optionalString(row.escalation)
                w.key("rubric_version"); w.string(row.rubricVersion)
                w.endObject()
            }
            w.endArray()
            w.key("next_cursor"); w.optionalString(page.next)
            w.endObject()
            return Responses.json(String(decoding: w.bytes, as: UTF8.self))
        }
        router.get("/interactions/:id") { _, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.readers)
            let id = try context.parameters.require("id")
            guard let detail = try await self.client.withConnection({ try WorkspaceStore().interaction(id, scope: Access.scope(user), on: $0) }) else {
                throw HTTPError(.notFound, message: "no such interaction")
            }
            return Responses.html(Templates.page("interaction", title: "Interaction \(id)", user: user, csrf: context.csrfToken, InteractionView(detail, user: user)))
        }
        router.get("/api/interactions/:id") { _, context in
            let user = try Access.require(context, Access.readers)
            let id = try context.parameters.require("id")
            guard let detail = try await self.client.withConnection({ try WorkspaceStore().interaction(id, scope: Access.scope(user), on: $0) }) else {
                throw HTTPError(.notFound, message: "no such interaction")
            }
            // The stored scorecards as they are, with the human reviews beside them.
            var body = "{\"id\":" + Self.jsonString(detail.id) + ",\"scorecards\":[" + detail.scorecards.map(\.scorecard).joined(separator: ",") + "],\"reviews\":["
            body += detail.reviews.map { "{\"criterion\":\(Self.jsonString($0.criterion)),\"reviewer\":\(Self.jsonString($0.reviewer)),\"verdict\":\(Self.jsonString($0.verdict)),\"reason\":\(Self.jsonString($0.reason)),\"at\":\(Self.jsonString($0.at))}" }.joined(separator: ",")
            body += "],\"journey\":[" + detail.journey.map { "{\"id\":\(Self.jsonString($0.id)),\"channel\":\(Self.jsonString($0.channel)),\"started_at\":\(Self.jsonString($0.startedAt))}" }.joined(separator: ",") + "]}"
            return Responses.json(body)
        }
        router.post("/interactions/:id/reviews") { request, context in
            let user = try Access.require(context, Access.leads)
            let form = try await Responses.form(request)
            try Access.checkCSRF(form, context)
            let id = try context.parameters.require("id")
            try await ReviewActions(client: self.client).review(form, interaction: id, by: user)
            return Responses.redirect("/interactions/\(Layout.query(id))")
        }
        router.post("/interactions/:id/disputes") { request, context in
            let user = try Access.require(context, [.agent, .admin])
            let form = try await Responses.form(request)
            try Access.checkCSRF(form, context)
            let id = try context.parameters.require("id")
            _ = try await ReviewActions(client: self.client).dispute(form, interaction: id, by: user)
            return Responses.redirect("/interactions/\(Layout.query(id))")
        }
    }

    static func jsonString(_ text: String) -> String {
        var w = JSONWriter(capacity: text.utf8.count + 2)
        w.string(text)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func filter(_ request: Request) -> (WorkspaceStore.Filter, String?) {
        let query = request.uri.queryParameters
        func value(_ name: String) -> String? {
            guard let text = query.get(name), !text.isEmpty else { return nil }
            return text
        }
        var filter = WorkspaceStore.Filter()
        filter.channel = value("channel")
        filter.agent = value("agent")
        filter.team = value("team")
        filter.verdict = value("verdict")
        filter.criterion = value("criterion")
        filter.rubricSHA256 = value("rubric")
        filter.since = value("since")
        filter.until = value("until")
        return (filter, value("cursor"))
    }
}
