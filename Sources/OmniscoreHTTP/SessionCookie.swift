import Foundation
import HTTPTypes
import Hummingbird

/// The browser session cookie: HttpOnly, SameSite, and `Secure` whenever the workspace is reached over TLS
/// (directly, or through a proxy that says so with `X-Forwarded-Proto: https`).
enum SessionCookie {
    static let name = "omniscore_session"
    static let lifetimeSeconds = 43_200

    /// Sets the session `id`. `sameSite` is Lax only for the one-time sign-in link, which arrives from another
    /// site (an e-mail) and must carry the cookie on the redirect that follows.
    static func set(_ id: String, sameSite: Cookie.SameSite = .strict, for request: Request) -> Cookie {
        Cookie(name: self.name, value: id, maxAge: self.lifetimeSeconds, path: "/", secure: self.isSecure(request), httpOnly: true, sameSite: sameSite)
    }

    /// Removes the cookie.
    static func clear(for request: Request) -> Cookie {
        Cookie(name: self.name, value: "", maxAge: 0, path: "/", secure: self.isSecure(request), httpOnly: true, sameSite: .strict)
    }

    /// The session id the browser sent.
    static func value(in request: Request) -> String? {
        request.cookies[self.name]?.value
    }

    /// Whether the browser reached the workspace over https.
    static func isSecure(_ request: Request) -> Bool {
        if request.uri.scheme == .https || request.head.scheme?.lowercased() == "https" { return true }
        guard let forwarded = request.headers[.xForwardedProto] else { return false }
        return forwarded.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() == "https" } ?? false
    }
}
