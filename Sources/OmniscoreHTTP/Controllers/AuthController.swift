import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreCore
import OmniscoreStorage

/// Sign in with an API token (issued by `omniscore users add`), sign out. The session cookie is HttpOnly and
/// SameSite=Strict; forms carry a per-session CSRF token.
struct AuthController {
    let client: DatabaseClient
    let throttle: LoginThrottle

    func add(to router: Router<WorkspaceContext>) {
        router.get("/login") { _, context in
            Responses.html(Templates.page("login", title: "Sign in", user: context.user, csrf: context.csrfToken, LoginView(failed: false)))
        }
        router.post("/login") { request, context in
            let address = context.remoteAddress ?? "unknown"
            if let wait = self.throttle.retryAfter(address) {
                var response = Responses.html(Templates.page("login", title: "Sign in", user: nil, csrf: nil, LoginView(failed: true)), status: .tooManyRequests)
                response.headers[.retryAfter] = String(max(1, wait.components.seconds))
                return response
            }
            let form = try await Responses.form(request)
            let token = form["token"] ?? ""
            let started = try await self.client.withConnection { connection -> (String, AccessStore.User)? in
                guard let user = try AccessStore().user(forToken: token, on: connection) else {
                    // Audited without the token: who tried is the address, not what they typed.
                    try AccessStore().auditAnonymous(action: "failed sign in", target: "from \(address)", on: connection)
                    return nil
                }
                let session = try AccessStore().startSession(for: user, on: connection)
                try AccessStore().audit(user: user, action: "sign in", target: "session", on: connection)
                return (session.id, user)
            }
            guard let (session, user) = started else {
                self.throttle.failed(address)
                return Responses.html(Templates.page("login", title: "Sign in", user: nil, csrf: nil, LoginView(failed: true)), status: .unauthorized)
            }
            self.throttle.succeeded(address)
            let home = user.role == .agent ? "/agents/\(Layout.query(user.agentID ?? ""))" : "/"
            var response = Responses.redirect(home)
            response.setCookie(SessionCookie.set(session, for: request))
            return response
        }
        // One-time link: starts a session and goes to `next` (a local path only).
        router.get("/login/link/:nonce") { request, context in
            let nonce = try context.pathParameter("nonce")
            let started = try await self.client.withConnection { connection -> String? in
                guard let user = try AccessStore().redeemLoginLink(nonce, on: connection) else { return nil }
                try AccessStore().audit(user: user, action: "sign in (link)", target: "session", on: connection)
                return try AccessStore().startSession(for: user, on: connection).id
            }
            guard let session = started else { throw HTTPError(.unauthorized, message: "this sign-in link was used already or has expired") }
            var response = Responses.redirect(LocalRedirect.path(request.uri.queryParameters.get("next").map { String($0) }))
            response.setCookie(SessionCookie.set(session, sameSite: .lax, for: request))
            return response
        }
        router.post("/logout") { request, context in
            let form = try await Responses.form(request)
            try Access.checkCSRF(form, context)
            if let id = context.sessionID {
                try await self.client.withConnection { try AccessStore().endSession(id, on: $0) }
            }
            var response = Responses.redirect("/login")
            response.setCookie(SessionCookie.clear(for: request))
            return response
        }
    }
}
