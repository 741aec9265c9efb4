import Foundation
import Mustache
import OmniscoreStorage

/// The page templates (Sources/OmniscoreHTTP/Templates/*.mustache, swift-mustache), loaded once. Every
/// `{{value}}` is HTML-escaped by the template engine; the one `{{{unescaped}}}` value, a transcript message with
/// its evidence marks, is built by `TranscriptRenderer`, which escapes every piece of text itself.
enum Templates {
    static let library: MustacheLibrary = {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { fatalError("the page templates are missing from the OmniscoreHTTP resource bundle") }
        var library = MustacheLibrary()
        for name in names.sorted() where name.hasSuffix(".mustache") {
            do {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                fatalError("page template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    /// What every page's frame shows: the title, navigation by role, who is signed in, the sign-out form.
    struct Frame<Content> {
        struct Link: Sendable {
            var href: String
            var label: String
        }

        struct Who: Sendable {
            var name: String
            var role: String
        }

        var title: String
        var nav: [Link]
        var user: Who?
        /// The session's CSRF token, for the sign-out form (browser sessions only).
        var csrf: String?
        /// The same for the page's own forms ("" for API callers, who need none).
        var csrfToken: String
        var page: Content
    }

    /// Renders template `name` with `content` inside the page frame.
    static func page<Content>(_ name: String, title: String, user: AccessStore.User?, csrf: String?, _ content: Content) -> String {
        var links: [Frame<Content>.Link] = []
        if let user {
            if user.role != .ci && user.role != .agent { links += [.init(href: "/", label: "Dashboard"), .init(href: "/interactions", label: "Interactions")] }
            if user.role == .admin || user.role == .qaLead { links += [.init(href: "/review", label: "Review queue"), .init(href: "/calibration", label: "Calibration")] }
            if user.role != .ci { links.append(.init(href: "/disputes", label: "Disputes")) }
            if user.role == .agent, let agent = user.agentID {
                links += [.init(href: "/agents/\(Layout.query(agent))", label: "My results"), .init(href: "/interactions", label: "My interactions")]
            }
        }
        let frame = Frame(title: title, nav: links, user: user.map { .init(name: $0.name, role: $0.role.rawValue) }, csrf: user == nil ? nil : csrf,
                          csrfToken: csrf ?? "", page: content)
        guard let html = self.library.render(frame, withTemplate: name) else { fatalError("no page template named \(name)") }
        return html
    }
}
