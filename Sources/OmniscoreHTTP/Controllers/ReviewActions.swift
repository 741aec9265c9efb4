import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreStorage

/// What a review, a dispute and a dispute decision need, checked the same way whether they come from a
/// browser form or from the JSON API.
struct ReviewActions {
    let client: DatabaseClient

    static let verdicts: Set<String> = ["pass", "fail", "na"]
    static let decisions: Set<String> = ["accepted", "rejected", "changed"]

    /// A human verdict on one criterion (the automatic one stays as it is).
    func review(_ fields: [String: String], interaction id: String, by user: AccessStore.User) async throws {
        guard let criterion = fields["criterion"], let verdict = fields["verdict"], Self.verdicts.contains(verdict), let sha = fields["rubric"],
            let reason = fields["reason"], !reason.trimmingCharacters(in: .whitespaces).isEmpty
        else { throw HTTPError(.badRequest, message: "a review needs criterion, verdict (pass, fail or na), rubric and a reason") }
        try await self.client.withConnection { connection in
            guard try WorkspaceStore().isVisible(id, scope: nil, on: connection) else { throw HTTPError(.notFound, message: "no such interaction") }
            try Self.requireVerdict(interaction: id, sha256: sha, criterion: criterion, on: connection)
            try WorkspaceStore().saveReview(interaction: id, sha256: sha, criterion: criterion, verdict: verdict, reason: reason, reviewer: user, on: connection)
        }
    }

    /// An agent's dispute of a verdict on their own interaction; returns its id.
    func dispute(_ fields: [String: String], interaction id: String, by user: AccessStore.User) async throws -> Int {
        guard let criterion = fields["criterion"], let sha = fields["rubric"], let reason = fields["reason"], !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw HTTPError(.badRequest, message: "a dispute needs criterion, rubric and a reason")
        }
        return try await self.client.withConnection { connection in
            guard try WorkspaceStore().isVisible(id, scope: Access.scope(user), on: connection) else { throw HTTPError(.notFound, message: "no such interaction") }
            try Self.requireVerdict(interaction: id, sha256: sha, criterion: criterion, on: connection)
            return try WorkspaceStore().raiseDispute(interaction: id, sha256: sha, criterion: criterion, reason: reason, by: user, on: connection)
        }
    }

    /// 400 unless the rubric version `sha256` gave `criterion` a verdict on this interaction.
    static func requireVerdict(interaction id: String, sha256: String, criterion: String, on connection: DatabaseConnection) throws {
        guard try WorkspaceStore().hasVerdict(interaction: id, sha256: sha256, criterion: criterion, on: connection) else {
            throw HTTPError(.badRequest, message: "criterion \(InteractionsController.quoted(criterion)) has no verdict from rubric version \(InteractionsController.quoted(String(sha256.prefix(12)))) on this interaction")
        }
    }

    /// A QA lead's decision on an open dispute.
    func decide(_ fields: [String: String], dispute: String?, by user: AccessStore.User) async throws {
        guard let id = dispute.flatMap(Int.init), let status = fields["status"], Self.decisions.contains(status),
            let resolution = fields["resolution"], !resolution.isEmpty
        else { throw HTTPError(.badRequest, message: "a decision needs status (accepted, rejected or changed) and a reason") }
        let verdict = fields["verdict"].flatMap { Self.verdicts.contains($0) ? $0 : nil }
        if status == "changed" && verdict == nil { throw HTTPError(.badRequest, message: "a changed verdict needs the new verdict") }
        let done = try await self.client.withConnection { try WorkspaceStore().resolveDispute(id, status: status, resolution: resolution, verdict: verdict, by: user, on: $0) }
        guard done else { throw HTTPError(.conflict, message: "that dispute is not open") }
    }
}
