import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreCore
import OmniscoreStorage

/// Sign in with an API token (issued by `omniscore users add`), sign out. The session cookie is HttpOnly and
/// SameSite=Strict; forms carry a per-session CSRF token.
struct AuthController {
    let client: DatabaseClient

    func add(to router: Router<WorkspaceContext>) {
        router.get("/login") { _, context in
            Responses.html(Templates.page("login", title: "Sign in", user: context.user, csrf: context.csrfToken, LoginView(failed: false)))
        }
        router.post("/login") { request, _ in
            let form = try await Responses.form(request)
            let token = form["token"] ?? ""
            let started = try await self.client.withConnection { connection -> (String, AccessStore.User)? in
                guard let user = try AccessStore().user(forToken: token, on: connection) else { return nil }
                let session = try AccessStore().startSession(for: user, on: connection)
                try AccessStore().audit(user: user, action: "sign in", target: "session", on: connection)
                return (session.id, user)
            }
            guard let (session, user) = started else {
                return Responses.html(Templates.page("login", title: "Sign in", user: nil, csrf: nil, LoginView(failed: true)), status: .unauthorized)
            }
            let home = user.role == .agent ? "/agents/\(Layout.query(user.agentID ?? ""))" : "/"
            return Responses.redirect(home, cookie: "omniscore_session=\(session); Path=/; HttpOnly; SameSite=Strict; Max-Age=43200")
        }
        // One-time link: starts a session and goes to `next` (a local path only).
        router.get("/login/link/:nonce") { request, context in
            let nonce = try context.parameters.require("nonce")
            let started = try await self.client.withConnection { connection -> String? in
                guard let user = try AccessStore().redeemLoginLink(nonce, on: connection) else { return nil }
                try AccessStore().audit(user: user, action: "sign in (link)", target: "session", on: connection)
                return try AccessStore().startSession(for: user, on: connection).id
            }
            guard let session = started else { throw HTTPError(.unauthorized, message: "this sign-in link was used already or has expired") }
            var next = request.uri.queryParameters.get("next") ?? "/"
            if !next.hasPrefix("/") || next.hasPrefix("//") { next = "/" }
            return Responses.redirect(next, cookie: "omniscore_session=\(session); Path=/; HttpOnly; SameSite=Lax; Max-Age=43200")
        }
        router.post("/logout") { request, context in
            let form = try await Responses.form(request)
            try Access.checkCSRF(form, context)
            if let id = context.sessionID {
                try await self.client.withConnection { try AccessStore().endSession(id, on: $0) }
            }
            return Responses.redirect("/login", cookie: "omniscore_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
        }
    }
}
