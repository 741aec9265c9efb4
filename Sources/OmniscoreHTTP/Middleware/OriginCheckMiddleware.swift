import Foundation
import HTTPTypes
import Hummingbird

/// Refuses state-changing requests sent by another site: a POST (or PUT, PATCH, DELETE) whose `Origin` (or, when a
/// browser sent none, `Referer`) names a different origin than the one the request was sent to, including the
/// opaque `Origin: null` of sandboxed frames and no-referrer pages. This covers sign-in (login CSRF: a foreign
/// page signing the browser in with the attacker's token) and every cookie-authenticated form; requests with
/// neither header (curl, CI with a bearer token) are not from a browser page and go on.
struct OriginCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if ![.get, .head, .options].contains(request.method) {
            let claimed = request.headers[.origin] ?? request.headers[.referer]
            if let claimed, !Self.isSameOrigin(claimed, request) {
                throw HTTPError(.forbidden, message: "cross-origin request refused: the Origin of this request is not this site")
            }
        }
        return try await next(request, context)
    }

    /// Whether `origin` (an Origin value or a Referer URL) has the host and port this request was addressed to
    /// (`Host`, or `X-Forwarded-Host` from a proxy in front).
    static func isSameOrigin(_ origin: String, _ request: Request) -> Bool {
        guard let authority = Self.authority(of: origin) else { return false }
        // HTTP/1's Host header arrives as the request's authority.
        let targets = [request.head.authority, request.headers[.xForwardedHost].map { String($0.split(separator: ",").first ?? "") }]
        return targets.contains { target in
            guard let target = target?.trimmingCharacters(in: .whitespaces).lowercased(), !target.isEmpty else { return false }
            return target == authority || Self.withoutDefaultPort(target) == Self.withoutDefaultPort(authority)
        }
    }

    /// "host:port" of `http://host:port/...`, lower-cased; nil for `null` and anything that is not http(s).
    static func authority(of url: String) -> String? {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else {
            return nil
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        return String(authority)
    }

    private static func withoutDefaultPort(_ authority: String) -> String {
        for suffix in [":80", ":443"] where authority.hasSuffix(suffix) { return String(authority.dropLast(suffix.count)) }
        return authority
    }
}

extension HTTPField.Name {
    static let xForwardedHost = Self("X-Forwarded-Host")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
