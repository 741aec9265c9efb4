import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreInterchange
import OmniscoreCore
import OmniscoreStorage

/// Agent pages, the review queue, disputes and calibration.
struct ReviewController {
    let client: DatabaseClient

    func add(to router: Router<WorkspaceContext>) {
        router.get("/agents/:id") { _, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.readers)
            let id = try context.parameters.require("id")
            // An agent sees only their own page; another agent's page does not exist for them.
            if let scope = Access.scope(user), scope != id { throw HTTPError(.notFound, message: "no such agent") }
            guard let agent = try await self.client.withConnection({ try WorkspaceStore().agent(id, on: $0) }) else { throw HTTPError(.notFound, message: "no such agent") }
            var h = "<h1>\((agent.name ?? id).htmlEscaped) <span class=\"muted\">\(id.htmlEscaped)\(agent.team.map { " · " + $0.htmlEscaped } ?? "")</span></h1>"
            h += "<h2>Coaching reports</h2>"
            if agent.reports.isEmpty { h += "<p class=\"muted\">No report yet.</p>" }
            h += "<ul>" + agent.reports.map { "<li><a href=\"/reports/\(Layout.query($0.id))\">\($0.period.htmlEscaped)</a> · overall \(Layout.score($0.overall)) over \($0.interactions) interactions</li>" }.joined() + "</ul>"
            h += "<h2>Recent scores</h2>" + InteractionsController.renderList(agent.scores, next: nil, filter: WorkspaceStore.Filter()).replacingOccurrences(of: "<h1>Interactions</h1>", with: "")
            return Responses.html(Layout.page("Agent \(id)", user: user, csrf: context.csrfToken, h))
        }
        router.get("/reports/:id+") { _, context in
            let user = try Access.require(context, Access.readers)
            let id = try context.parameters.require("id+")
            guard let report = try await self.client.withConnection({ try WorkspaceStore().report(id, scope: Access.scope(user), on: $0) }) else { throw HTTPError(.notFound, message: "no such report") }
            return Responses.json(report)
        }
        router.get("/review") { _, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.leads)
            let day = Int(Date().timeIntervalSince1970 / 86_400)
            let queue = try await self.client.withConnection { try WorkspaceStore().reviewQueue(limit: 25, seed: day, on: $0) }
            var h = "<h1>Review queue</h1><p class=\"muted\">Automatically failed interactions nobody has reviewed, and a random control share of passes (marked), so reviews are not only of failures.</p>"
            h += "<table><tr><th>interaction</th><th>channel</th><th>agent</th><th>score</th><th></th></tr>"
            for item in queue {
                h += "<tr><td><a href=\"/interactions/\(Layout.query(item.id))\">\(item.id.htmlEscaped)</a></td><td>\(item.channel.htmlEscaped)</td><td>\((item.agent ?? "–").htmlEscaped)</td><td>\(Layout.score(item.total))</td><td>\(item.control ? "control" : "")</td></tr>"
            }
            h += "</table>"
            if queue.isEmpty { h += "<p class=\"muted\">Nothing waiting.</p>" }
            return Responses.html(Layout.page("Review queue", user: user, csrf: context.csrfToken, h))
        }
        router.get("/calibration") { request, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.leads)
            let sha = request.uri.queryParameters.get("rubric").map { String($0) }
            let (rows, months, versions) = try await self.client.withConnection { connection in
                let calibration = try WorkspaceStore().calibration(sha256: sha, on: connection)
                return (calibration.criteria, calibration.months, try WorkspaceStore().rubricVersions(on: connection))
            }
            var h = "<h1>Calibration</h1><p class=\"muted\">Agreement and Cohen's κ: automatic verdicts against human reviews, and between reviewers who judged the same interaction.</p>"
            h += "<form class=\"filters\" method=\"get\" action=\"/calibration\"><select name=\"rubric\">"
            for version in versions {
                let selected = version.sha256 == sha ? " selected" : ""
                h += "<option value=\"\(version.sha256.htmlEscaped)\"\(selected)>\(version.id.htmlEscaped) \(version.version.htmlEscaped) (\(version.scored) scored)</option>"
            }
            h += "</select> <button>Show</button></form>"
            func cells(_ automatic: AgreementStatistics, _ reviewers: AgreementStatistics) -> String {
                "<td>\(automatic.count)</td><td>\(Self.percent(automatic.accuracy))</td><td>\(Self.number(automatic.kappa))</td>"
                    + "<td>\(reviewers.count)</td><td>\(Self.percent(reviewers.accuracy))</td><td>\(Self.number(reviewers.kappa))</td>"
            }
            let header = "<th>auto vs human: n</th><th>agreement</th><th>κ</th><th>between reviewers: n</th><th>agreement</th><th>κ</th></tr>"
            h += "<h2>By criterion</h2><table><tr><th>criterion</th>" + header
            for row in rows { h += "<tr><td>\(row.criterion.htmlEscaped)</td>" + cells(row.automatic, row.reviewers) + "</tr>" }
            h += "</table><h2>Over time (all criteria, by month of review)</h2><table><tr><th>month</th>" + header
            for month in months { h += "<tr><td>\(month.month.htmlEscaped)</td>" + cells(month.automatic, month.reviewers) + "</tr>" }
            h += "</table>"
            if rows.isEmpty { h += "<p class=\"muted\">No human reviews yet.</p>" }
            return Responses.html(Layout.page("Calibration", user: user, csrf: context.csrfToken, h))
        }
        router.get("/api/calibration") { request, context in
            _ = try Access.require(context, Access.leads)
            let sha = request.uri.queryParameters.get("rubric").map { String($0) }
            let calibration = try await self.client.withConnection { try WorkspaceStore().calibration(sha256: sha, on: $0) }
            var w = JSONWriter()
            func statistics(_ automatic: AgreementStatistics, _ reviewers: AgreementStatistics) {
                w.key("automatic_n"); w.int(automatic.count)
                w.key("automatic_agreement"); w.optionalNumber(automatic.accuracy)
                w.key("automatic_kappa"); w.optionalNumber(automatic.kappa)
                w.key("reviewers_n"); w.int(reviewers.count)
                w.key("reviewers_agreement"); w.optionalNumber(reviewers.accuracy)
                w.key("reviewers_kappa"); w.optionalNumber(reviewers.kappa)
            }
            w.beginObject()
            w.key("criteria"); w.beginArrayValue()
            for row in calibration.criteria {
                w.beginObject()
                w.key("criterion"); w.string(row.criterion)
                statistics(row.automatic, row.reviewers)
                w.endObject()
            }
            w.endArray()
            w.key("months"); w.beginArrayValue()
            for month in calibration.months {
                w.beginObject()
                w.key("month"); w.string(month.month)
                statistics(month.automatic, month.reviewers)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            return Responses.json(String(decoding: w.bytes, as: UTF8.self))
        }
        // Automatic and human verdicts side by side, for the current rubric version (CSV or JSON lines).
        router.get("/api/export") { request, context in
            let user = try Access.require(context, Access.readers)
            let format = request.uri.queryParameters.get("format") ?? "csv"
            guard format == "csv" || format == "json" else { throw HTTPError(.badRequest, message: "format is csv or json") }
            let rows = try await self.client.withConnection { try WorkspaceStore().export(scope: Access.scope(user), limit: 200_000, on: $0) }
            let columns = ["interaction_id", "agent_id", "channel", "started_at", "rubric_version", "criterion_id", "automatic_verdict", "human_verdict", "reviewer", "human_reason"]
            if format == "json" {
                let lines = rows.map { row in
                    "{" + zip(columns, row).map { "\(InteractionsController.jsonString($0.0)):\($0.1.map(InteractionsController.jsonString) ?? "null")" }.joined(separator: ",") + "}"
                }
                return Responses.text(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), contentType: "application/x-ndjson")
            }
            func csv(_ value: String?) -> String {
                guard let value else { return "" }
                // Quote every field; a leading =, +, - or @ is neutralised so spreadsheets do not run it as a formula.
                let safe = value.first.map { "=+-@".contains($0) } == true ? "'" + value : value
                return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            let body = ([columns.joined(separator: ",")] + rows.map { $0.map(csv).joined(separator: ",") }).joined(separator: "\r\n") + "\r\n"
            return Responses.text(body, contentType: "text/csv; charset=utf-8")
        }
        router.get("/disputes") { _, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.readers)
            let disputes = try await self.client.withConnection { try WorkspaceStore().disputes(scope: Access.scope(user), on: $0) }
            var h = "<h1>Disputes</h1><table><tr><th>interaction</th><th>criterion</th><th>raised by</th><th>reason</th><th>status</th><th></th></tr>"
            for dispute in disputes {
                h += "<tr><td><a href=\"/interactions/\(Layout.query(dispute.interaction))\">\(dispute.interaction.htmlEscaped)</a></td><td>\(dispute.criterion.htmlEscaped)</td><td>\(dispute.by.htmlEscaped)</td>"
                h += "<td>\(dispute.reason.htmlEscaped)</td><td>\(dispute.status.htmlEscaped)\(dispute.resolution.map { ": " + $0.htmlEscaped } ?? "")</td><td>"
                if dispute.status == "open" && (user.role == .admin || user.role == .qaLead) {
                    h += "<form method=\"post\" action=\"/disputes/\(dispute.id)\"><input type=\"hidden\" name=\"csrf\" value=\"\((context.csrfToken ?? "").htmlEscaped)\">"
                    h += "<select name=\"status\"><option>accepted</option><option>rejected</option><option>changed</option></select> <select name=\"verdict\"><option value=\"\">verdict if changed</option><option>pass</option><option>fail</option><option>na</option></select>"
                    h += " <input name=\"resolution\" placeholder=\"why\" required> <button>Decide</button></form>"
                }
                h += "</td></tr>"
            }
            h += "</table>"
            if disputes.isEmpty { h += "<p class=\"muted\">No disputes.</p>" }
            return Responses.html(Layout.page("Disputes", user: user, csrf: context.csrfToken, h))
        }
        router.post("/disputes/:id") { request, context in
            let user = try Access.require(context, Access.leads)
            let form = try await Responses.form(request)
            try Access.checkCSRF(form, context)
            try await ReviewActions(client: self.client).decide(form, dispute: context.parameters.get("id"), by: user)
            return Responses.redirect("/disputes")
        }
    }

    static func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
    static func number(_ value: Double?) -> String { value.map { JSONWriter.format($0) } ?? "–" }
}
