import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreCore
import OmniscoreStorage

/// Resolves the caller from `Authorization: Bearer <token>` (API, CI) or the `omniscore_session` cookie
/// (browser). Anonymous requests go on with no user; routes decide what that may see.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext
    let client: DatabaseClient

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            context.user = try await self.client.withConnection { try AccessStore().user(forToken: token, on: $0) }
            if context.user == nil { throw HTTPError(.unauthorized, message: "unknown or revoked token") }
        } else if let id = Self.cookie("omniscore_session", in: request) {
            if let session = try await self.client.withConnection({ try AccessStore().session(id, on: $0) }) {
                context.user = session.user
                context.csrfToken = session.csrfToken
                context.sessionID = id
            }
        }
        return try await next(request, context)
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        guard let header = request.headers[.cookie] else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == name { return String(pair[1]).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
