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
            return Responses.html(Layout.page("Interactions", user: user, csrf: context.csrfToken, Self.renderList(page.rows, next: page.next, filter: filter)))
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
            return Responses.html(Layout.page("Interaction \(id)", user: user, csrf: context.csrfToken, Self.renderDetail(detail, user: user, csrf: context.csrfToken)))
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

    static func renderList(_ rows: [WorkspaceStore.Row], next: String?, filter: WorkspaceStore.Filter) -> String {
        func input(_ name: String, _ value: String?) -> String {
            "<input name=\"\(name)\" placeholder=\"\(name)\" value=\"\((value ?? "").htmlEscaped)\" size=\"12\">"
        }
        var h = "<h1>Interactions</h1><form class=\"filters\" method=\"get\" action=\"/interactions\">"
        h += input("channel", filter.channel) + input("agent", filter.agent) + input("team", filter.team) + input("criterion", filter.criterion)
        h += "<select name=\"verdict\"><option value=\"\">any verdict</option>"
        for option in ["passed", "failed", "auto_failed", "not_scored"] {
            h += "<option value=\"\(option)\"\(filter.verdict == option ? " selected" : "")>\(option)</option>"
        }
        h += "</select>" + input("since", filter.since) + input("until", filter.until) + "<button>Filter</button></form><br>"
        h += "<table><tr><th>interaction</th><th>started</th><th>channel</th><th>agent</th><th>team</th><th>score</th><th>escalation</th><th>rubric</th></tr>"
        for row in rows {
            let score = row.status == "scored" ? "<span class=\"\(row.passed == true ? "pass" : "fail")\">\(Layout.score(row.total))</span>" + (row.autoFailed == true ? " (auto-fail)" : "") : "<span class=\"na\">not scored: \((row.notScoredReason ?? "").htmlEscaped)</span>"
            h += "<tr><td><a href=\"/interactions/\(Layout.query(row.id))\">\(row.id.htmlEscaped)</a></td><td>\(row.startedAt.htmlEscaped)</td><td>\(row.channel.htmlEscaped)</td>"
            h += "<td>\((row.agentID ?? "–").htmlEscaped)</td><td>\((row.team ?? "–").htmlEscaped)</td><td>\(score)</td><td>\((row.escalation ?? "").htmlEscaped)</td><td>\(row.rubricVersion.htmlEscaped)</td></tr>"
        }
        h += "</table>"
        if rows.isEmpty { h += "<p class=\"muted\">No interactions match.</p>" }
        if let next {
            var parts: [String] = []
            for (name, value) in [("channel", filter.channel), ("agent", filter.agent), ("team", filter.team), ("verdict", filter.verdict), ("criterion", filter.criterion), ("since", filter.since), ("until", filter.until)] {
                if let value { parts.append("\(name)=\(Layout.query(value))") }
            }
            parts.append("cursor=\(Layout.query(next))")
            h += "<p><a href=\"/interactions?\(parts.joined(separator: "&amp;"))\">Next page →</a></p>"
        }
        return h
    }

    static func renderDetail(_ detail: WorkspaceStore.Detail, user: AccessStore.User, csrf: String?) -> String {
        let card = detail.scorecards.first
        let marks = card.map { TranscriptRenderer.marks(scorecard: $0.scorecard) } ?? [:]
        var h = "<h1>Interaction \(detail.id.htmlEscaped)</h1><p class=\"muted\">\(detail.channel.htmlEscaped) · \(detail.startedAt.htmlEscaped) UTC · agent \((detail.agentID ?? "–").htmlEscaped)"
        if let subject = detail.subject { h += " · “\(subject.htmlEscaped)”" }
        if let card { h += " · rubric version \(card.version.htmlEscaped) (sha256 <code>\(String(card.sha256.prefix(12)).htmlEscaped)</code>)" }
        h += "</p><div class=\"grid\"><div><h2>Transcript</h2>"
        for (index, message) in detail.messages.enumerated() {
            let role = message.role.htmlEscaped
            h += "<div class=\"msg \(message.role == "agent" ? "agent" : "")\"><div class=\"meta\">#\(index) \(role)\(message.at.map { " · " + $0.htmlEscaped } ?? "")</div>"
            h += TranscriptRenderer.highlight(message.text, marks: marks[index] ?? []) + "</div>"
        }
        if !detail.events.isEmpty {
            h += "<h2>Events</h2><table><tr><th>kind</th><th>at</th><th>detail</th></tr>"
            for event in detail.events { h += "<tr><td>\(event.kind.htmlEscaped)</td><td>\((event.at ?? "").htmlEscaped)</td><td><code>\((event.detail ?? "").htmlEscaped)</code></td></tr>" }
            h += "</table>"
        }
        h += "<h2>The customer's other interactions</h2>"
        if detail.journey.isEmpty { h += "<p class=\"muted\">None.</p>" }
        for other in detail.journey {
            h += "<div><a href=\"/interactions/\(Layout.query(other.id))\">\(other.id.htmlEscaped)</a> · \(other.channel.htmlEscaped) · \(other.startedAt.htmlEscaped) · score \(Layout.score(other.total))</div>"
        }
        h += "</div><div><h2>Verdicts</h2>"
        if let card, let members = try? JSONObjectDecoder.members(of: card.scorecard) {
            if let total = members.first(where: { $0.key == "total" })?.value.numberValue { h += "<p>Total <b>\(Layout.score(total))</b></p>" }
            if members.first(where: { $0.key == "status" })?.value.textValue == "not_scored" {
                h += "<p class=\"na\">Not scored: \((members.first { $0.key == "reason" }?.value.textValue ?? "").htmlEscaped) — \((members.first { $0.key == "detail" }?.value.textValue ?? "").htmlEscaped)</p>"
            }
            h += "<table><tr><th>criterion</th><th>verdict</th><th>why</th></tr>"
            if case .array(let criteria)? = members.first(where: { $0.key == "criteria" })?.value {
                for case .object(let criterion) in criteria {
                    let id = criterion.first { $0.key == "id" }?.value.textValue ?? ""
                    let verdict = criterion.first { $0.key == "verdict" }?.value.textValue ?? ""
                    let reason = criterion.first { $0.key == "reason" }?.value.textValue ?? ""
                    h += "<tr><td>\(id.htmlEscaped)</td><td class=\"\(Layout.verdictClass(verdict))\">\(verdict.htmlEscaped)</td><td>\(reason.htmlEscaped)"
                    for review in detail.reviews where review.criterion == id {
                        h += "<div class=\"muted\">human (\(review.reviewer.htmlEscaped), \(review.at.htmlEscaped)): <span class=\"\(Layout.verdictClass(review.verdict))\">\(review.verdict.htmlEscaped)</span> — \(review.reason.htmlEscaped)</div>"
                    }
                    for dispute in detail.disputes where dispute.criterion == id {
                        h += "<div class=\"muted\">disputed by \(dispute.by.htmlEscaped): \(dispute.reason.htmlEscaped) [\(dispute.status.htmlEscaped)\(dispute.resolution.map { ": " + $0.htmlEscaped } ?? "")]</div>"
                    }
                    h += "</td></tr>"
                }
            }
            h += "</table>"
            let criterionOptions = Self.criterionIDs(members).map { "<option>\($0.htmlEscaped)</option>" }.joined()
            let hidden = "<input type=\"hidden\" name=\"csrf\" value=\"\((csrf ?? "").htmlEscaped)\"><input type=\"hidden\" name=\"rubric\" value=\"\(card.sha256.htmlEscaped)\">"
            if user.role == .admin || user.role == .qaLead {
                h += "<h2>Your review</h2><form method=\"post\" action=\"/interactions/\(Layout.query(detail.id))/reviews\">\(hidden)"
                h += "<select name=\"criterion\">\(criterionOptions)</select> <select name=\"verdict\"><option>pass</option><option>fail</option><option>na</option></select>"
                h += "<p><input name=\"reason\" size=\"60\" placeholder=\"reason\" required> <button>Save review</button></p></form>"
                h += "<p class=\"muted\">The automatic verdict stays as it is; yours is kept beside it, with your name and the time.</p>"
            }
            if user.role == .agent || user.role == .admin {
                h += "<h2>Dispute a verdict</h2><form method=\"post\" action=\"/interactions/\(Layout.query(detail.id))/disputes\">\(hidden)"
                h += "<select name=\"criterion\">\(criterionOptions)</select><p><input name=\"reason\" size=\"60\" placeholder=\"why the verdict is wrong\" required> <button>Raise dispute</button></p></form>"
            }
        } else {
            h += "<p class=\"muted\">Not scored yet.</p>"
        }
        return h + "</div></div>"
    }

    static func criterionIDs(_ members: [(key: String, value: JSONValue)]) -> [String] {
        guard case .array(let criteria)? = members.first(where: { $0.key == "criteria" })?.value else { return [] }
        return criteria.compactMap { item in
            guard case .object(let criterion) = item else { return nil }
            return criterion.first { $0.key == "id" }?.value.textValue
        }
    }
}
