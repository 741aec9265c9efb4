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
            let id = try context.pathParameter("id")
            // An agent sees only their own page; another agent's page does not exist for them.
            if let scope = Access.scope(user), scope != id { throw HTTPError(.notFound, message: "no such agent") }
            guard let agent = try await self.client.withConnection({ try WorkspaceStore().agent(id, on: $0) }) else { throw HTTPError(.notFound, message: "no such agent") }
            return Responses.html(Templates.page("agent", title: "Agent \(id)", user: user, csrf: context.csrfToken, AgentView(id: id, agent: agent)))
        }
        router.get("/reports/:id+") { _, context in
            let user = try Access.require(context, Access.readers)
            let id = try context.pathParameter("id+")
            guard let report = try await self.client.withConnection({ try WorkspaceStore().report(id, scope: Access.scope(user), on: $0) }) else { throw HTTPError(.notFound, message: "no such report") }
            return Responses.json(report)
        }
        router.get("/review") { _, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.leads)
            let day = Int(Date().timeIntervalSince1970 / 86_400)
            let queue = try await self.client.withConnection { try WorkspaceStore().reviewQueue(limit: 25, seed: day, on: $0) }
            return Responses.html(Templates.page("review", title: "Review queue", user: user, csrf: context.csrfToken, ReviewQueueView(queue)))
        }
        router.get("/calibration") { request, context in
            guard context.user != nil else { return Responses.redirect("/login") }
            let user = try Access.require(context, Access.leads)
            let sha = request.uri.queryParameters.get("rubric").map { String($0) }
            let (rows, months, versions, shown) = try await self.client.withConnection { connection in
                let calibration = try WorkspaceStore().calibration(sha256: sha, on: connection)
                let shown = try sha ?? WorkspaceStore().currentRubric(on: connection)?.sha256
                return (calibration.criteria, calibration.months, try WorkspaceStore().rubricVersions(on: connection), shown)
            }
            let view = CalibrationView(criteria: rows, months: months, versions: versions, selected: shown)
            return Responses.html(Templates.page("calibration", title: "Calibration", user: user, csrf: context.csrfToken, view))
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
            return Responses.html(Templates.page("disputes", title: "Disputes", user: user, csrf: context.csrfToken, DisputesView(disputes, user: user)))
        }
        router.post("/disputes/:id") { request, context in
            let user = try Access.require(context, Access.leads)
            let form = try await Responses.form(request)
            try Access.checkCSRF(form, context)
            try await ReviewActions(client: self.client).decide(form, dispute: try context.pathParameter("id"), by: user)
            return Responses.redirect("/disputes")
        }
    }
}
