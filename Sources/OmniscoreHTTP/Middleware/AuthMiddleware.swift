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
        if let token = Self.bearerToken(request) {
            context.user = try await self.client.withConnection { try AccessStore().user(forToken: token, on: $0) }
            if context.user == nil { throw HTTPError(.unauthorized, message: "unknown or revoked token") }
        } else if let id = SessionCookie.value(in: request), !id.isEmpty {
            if let session = try await self.client.withConnection({ try AccessStore().session(id, on: $0) }) {
                context.user = session.user
                context.csrfToken = session.csrfToken
                context.sessionID = id
            }
        }
        return try await next(request, context)
    }

    /// The token of `Authorization: Bearer <token>`; the scheme name is case-insensitive (RFC 9110 §11.1).
    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
