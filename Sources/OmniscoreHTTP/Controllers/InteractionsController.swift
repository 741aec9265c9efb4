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
    let masking: MaskingPolicy

    func add(to router: Router<WorkspaceContext>) {
        router.get("/interactions") { request, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.readers)
            let (filter, cursor) = try Self.filter(request)
            let page = try await self.client.withConnection { try WorkspaceStore().interactions(filter, scope: Access.scope(user), cursor: cursor, limit: 50, on: $0) }
            return Responses.html(Templates.page("interactions", title: "Interactions", user: user, csrf: context.csrfToken, InteractionListView(rows: page.rows, next: page.next, filter: filter)))
        }
        router.get("/api/interactions") { request, context in
            let user = try Access.require(context, Access.readers)
            let (filter, cursor) = try Self.filter(request)
            let limit = try Self.limit(request)
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
            let id = try context.pathParameter("id")
            guard let (detail, names) = try await self.client.withConnection({ try Self.detail(id, user: user, on: $0) }) else {
                throw HTTPError(.notFound, message: "no such interaction")
            }
            let masker = self.masking.masker(for: user, names: names)
            return Responses.html(Templates.page("interaction", title: "Interaction \(id)", user: user, csrf: context.csrfToken, InteractionView(detail, user: user, masker: masker)))
        }
        router.get("/api/interactions/:id") { _, context in
            let user = try Access.require(context, Access.readers)
            let id = try context.pathParameter("id")
            guard let (detail, names) = try await self.client.withConnection({ try Self.detail(id, user: user, on: $0) }) else {
                throw HTTPError(.notFound, message: "no such interaction")
            }
            // The stored scorecards as they are (their quotes masked for roles that see no personal data), with the
            // human reviews beside them.
            let masker = self.masking.masker(for: user, names: names)
            let scorecards = detail.scorecards.map { stored -> String in
                guard let masker, let members = try? JSONObjectDecoder.members(of: stored.scorecard) else { return stored.scorecard }
                var w = JSONWriter(capacity: stored.scorecard.utf8.count)
                w.value(MaskingPolicy.mask(.object(members), with: masker))
                return String(decoding: w.bytes, as: UTF8.self)
            }
            var body = "{\"id\":" + Self.jsonString(detail.id) + ",\"scorecards\":[" + scorecards.joined(separator: ",") + "],\"reviews\":["
            body += detail.reviews.map { "{\"criterion\":\(Self.jsonString($0.criterion)),\"reviewer\":\(Self.jsonString($0.reviewer)),\"verdict\":\(Self.jsonString($0.verdict)),\"reason\":\(Self.jsonString($0.reason)),\"at\":\(Self.jsonString($0.at))}" }.joined(separator: ",")
            body += "],\"journey\":[" + detail.journey.map { "{\"id\":\(Self.jsonString($0.id)),\"channel\":\(Self.jsonString($0.channel)),\"started_at\":\(Self.jsonString($0.startedAt))}" }.joined(separator: ",") + "]}"
            return Responses.json(body)
        }
        router.post("/interactions/:id/reviews") { request, context in
            let user = try Access.require(context, Access.leads)
            let form = try await Responses.form(request)
            try Access.checkCSRF(form, context)
            let id = try context.pathParameter("id")
            try await ReviewActions(client: self.client).review(form, interaction: id, by: user)
            return Responses.redirect("/interactions/\(Layout.query(id))")
        }
        router.post("/interactions/:id/disputes") { request, context in
            let user = try Access.require(context, [.agent, .admin])
            let form = try await Responses.form(request)
            try Access.checkCSRF(form, context)
            let id = try context.pathParameter("id")
            _ = try await ReviewActions(client: self.client).dispute(form, interaction: id, by: user)
            return Responses.redirect("/interactions/\(Layout.query(id))")
        }
    }

    /// One interaction as `user` may see it, with the names its customer goes by (for masking).
    static func detail(_ id: String, user: AccessStore.User, on connection: DatabaseConnection) throws -> (WorkspaceStore.Detail, [String])? {
        guard let detail = try WorkspaceStore().interaction(id, scope: Access.scope(user), on: connection) else { return nil }
        return (detail, try CoachingStore.customerNames(of: [id], on: connection))
    }

    static func jsonString(_ text: String) -> String {
        var w = JSONWriter(capacity: text.utf8.count + 2)
        w.string(text)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The list's filters from the query, checked: a value the list cannot honour is a 400 naming it, never
    /// silently ignored (or a 500 from the database).
    static func filter(_ request: Request) throws -> (WorkspaceStore.Filter, String?) {
        let query = request.uri.queryParameters
        func value(_ name: String) -> String? {
            guard let text = query.get(name), !text.isEmpty else { return nil }
            return text
        }
        func reject(_ name: String, _ text: String, _ expected: String) -> HTTPError {
            HTTPError(.badRequest, message: "\(name)=\(Self.quoted(text)) is not \(expected)")
        }
        func date(_ name: String) throws -> String? {
            guard let text = value(name) else { return nil }
            guard let timestamp = ISO8601.parse(text) ?? ISO8601.parse(text + "T00:00:00Z") else {
                throw reject(name, text, "a date (2026-10-01) or an ISO-8601 date-time (2026-10-01T09:00:00Z)")
            }
            // A bare date stays as written (the form's date field shows it again); a date-time is normalised.
            return text.utf8.count == 10 ? text : ISO8601.format(timestamp)
        }
        var filter = WorkspaceStore.Filter()
        if let text = value("channel") {
            guard let channel = Channel(name: text) else { throw reject("channel", text, "one of " + Channel.allCases.map(\.rawValue).joined(separator: ", ")) }
            filter.channel = channel.rawValue
        }
        filter.agent = value("agent")
        filter.team = value("team")
        if let text = value("verdict") {
            let verdicts = ["passed", "failed", "not_scored", "auto_failed"]
            guard verdicts.contains(text.lowercased()) else { throw reject("verdict", text, "one of " + verdicts.joined(separator: ", ")) }
            filter.verdict = text.lowercased()
        }
        filter.criterion = value("criterion")
        if let text = value("rubric") {
            guard text.utf8.count == 64, text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
                throw reject("rubric", text, "a rubric version's SHA-256 (64 lower-case hex digits)")
            }
            filter.rubricSHA256 = text
        }
        filter.since = try date("since")
        filter.until = try date("until")
        let cursor = value("cursor")
        if let cursor {
            // "<started_at>|<id>" as the previous page gave it.
            let parts = cursor.split(separator: "|", maxSplits: 1)
            guard parts.count == 2, ISO8601.parse(String(parts[0])) != nil else { throw reject("cursor", cursor, "a cursor from a previous page's next_cursor") }
        }
        return (filter, cursor)
    }

    /// The limit of a JSON page: 1 to 500, 100 when not given.
    static func limit(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters.get("limit"), !text.isEmpty else { return 100 }
        guard let limit = Int(text), (1...500).contains(limit) else {
            throw HTTPError(.badRequest, message: "limit=\(Self.quoted(text)) is not a whole number from 1 to 500")
        }
        return limit
    }

    /// A query value echoed in an error: quoted, at most 40 characters, control characters dropped.
    static func quoted(_ text: String) -> String {
        let clean = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(40))
        return "\"" + clean + (text.count > 40 ? "…" : "") + "\""
    }
}
