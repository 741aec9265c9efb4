import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreInterchange
import OmniscoreStorage

/// The JSON side of reviewing: the review queue, human verdicts (overrides), disputes and their decisions, for
/// API clients with a bearer token. The same checks as the browser forms (`ReviewActions`).
struct ReviewAPIController {
    let client: DatabaseClient

    func add(to router: Router<WorkspaceContext>) {
        router.get("/api/review-queue") { request, context in
            _ = try Access.require(context, Access.leads)
            let limit = min(200, max(1, request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 25))
            let seed = request.uri.queryParameters.get("seed").flatMap { Int($0) } ?? Int(Date().timeIntervalSince1970 / 86_400)
            let queue = try await self.client.withConnection { try WorkspaceStore().reviewQueue(limit: limit, seed: seed, on: $0) }
            var w = JSONWriter()
            w.beginArray()
            for item in queue {
                w.beginObject()
                w.key("id"); w.string(item.id)
                w.key("channel"); w.string(item.channel)
                w.key("agent_id"); w.optionalString(item.agent)
                w.key("total"); w.optionalNumber(item.total)
                w.key("control"); w.bool(item.control)
                w.endObject()
            }
            w.endArray()
            return Responses.json(String(decoding: w.bytes, as: UTF8.self))
        }
        router.get("/api/reviews") { request, context in
            let user = try Access.require(context, Access.readers)
            let sha = request.uri.queryParameters.get("rubric").map { String($0) }
            let limit = min(1000, max(1, request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 200))
            let reviews = try await self.client.withConnection { try WorkspaceStore().reviews(sha256: sha, scope: Access.scope(user), limit: limit, on: $0) }
            var w = JSONWriter()
            w.beginArray()
            for review in reviews {
                w.beginObject()
                w.key("interaction_id"); w.string(review.interaction)
                w.key("rubric_version"); w.string(review.rubricVersion)
                w.key("criterion"); w.string(review.criterion)
                w.key("automatic_verdict"); w.optionalString(review.automatic)
                w.key("human_verdict"); w.string(review.human)
                w.key("reviewer"); w.string(review.reviewer)
                w.key("reason"); w.string(review.reason)
                w.key("at"); w.string(review.at)
                w.endObject()
            }
            w.endArray()
            return Responses.json(String(decoding: w.bytes, as: UTF8.self))
        }
        router.post("/api/interactions/:id/reviews") { request, context in
            let user = try Access.require(context, Access.leads)
            let fields = try await Responses.jsonFields(request)
            try Access.checkCSRF(fields, context)
            try await ReviewActions(client: self.client).review(fields, interaction: try context.pathParameter("id"), by: user)
            return Responses.json(#"{"saved":true}"#, status: .created)
        }
        router.post("/api/interactions/:id/disputes") { request, context in
            let user = try Access.require(context, [.agent, .admin])
            let fields = try await Responses.jsonFields(request)
            try Access.checkCSRF(fields, context)
            let id = try await ReviewActions(client: self.client).dispute(fields, interaction: try context.pathParameter("id"), by: user)
            return Responses.json(#"{"id":\#(id)}"#, status: .created)
        }
        router.get("/api/disputes") { _, context in
            let user = try Access.require(context, Access.readers)
            let disputes = try await self.client.withConnection { try WorkspaceStore().disputes(scope: Access.scope(user), on: $0) }
            var w = JSONWriter()
            w.beginArray()
            for dispute in disputes {
                w.beginObject()
                w.key("id"); w.int(dispute.id)
                w.key("interaction_id"); w.string(dispute.interaction)
                w.key("criterion"); w.string(dispute.criterion)
                w.key("raised_by"); w.string(dispute.by)
                w.key("reason"); w.string(dispute.reason)
                w.key("status"); w.string(dispute.status)
                w.key("resolution"); w.optionalString(dispute.resolution)
                w.endObject()
            }
            w.endArray()
            return Responses.json(String(decoding: w.bytes, as: UTF8.self))
        }
        router.post("/api/disputes/:id") { request, context in
            let user = try Access.require(context, Access.leads)
            let fields = try await Responses.jsonFields(request)
            try Access.checkCSRF(fields, context)
            try await ReviewActions(client: self.client).decide(fields, dispute: try context.pathParameter("id"), by: user)
            return Responses.json(#"{"decided":true}"#)
        }
    }
}
