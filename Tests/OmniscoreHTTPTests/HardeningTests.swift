import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OmniscoreCore
import OmniscoreHTTP
import OmniscoreStorage
import OmniscoreTestSupport
import Testing

/// The defects a probe of a running instance found, each with the request that showed it.
@Suite("Workspace hardening: decoded paths, 400s, redirects, origins, validated reviews")
struct HardeningTests {
    static let oddID = "odd id/with 'quote' <b>&"
    static let oddAgent = "agt/odd 1"

    static func withOddWorkspace(_ body: @escaping @Sendable (WorkspaceTests.Fixture, any TestClientProtocol) async throws -> Void) async throws {
        let sample = try SampleFiles.read([TestDatabase.packageRoot.appendingPathComponent("Samples/interactions/chat.jsonl").path]).interactions[0]
        var odd = sample
        odd.id = Self.oddID
        odd.agentID = Self.oddAgent
        odd.messages.insert(Message(role: .customer, author: "@the_wren_nest", text: "It's Ellie, reach me at ellie.marsh@example.com or SW1A 1AA; the_wren_nest on socials."), at: 1)
        try await WorkspaceTests.withWorkspace(extra: [odd]) { fixture in
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            try await app.test(.router) { client in try await body(fixture, client) }
        }
    }

    static func path(_ id: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return id.addingPercentEncoding(withAllowedCharacters: allowed)!
    }

    @Test("ids with a slash, space, quote or < open their pages: path parameters are percent-decoded")
    func decodedPaths() async throws {
        try await Self.withOddWorkspace { fixture, client in
            let admin = WorkspaceTests.bearer(fixture.tokens["admin"])
            try await client.execute(uri: "/api/interactions/\(Self.path(Self.oddID))", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("odd id/with 'quote' <b>&"))
            }
            try await client.execute(uri: "/interactions/\(Self.path(Self.oddID))", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains("<b>&"), "the id is escaped in HTML")
            }
            try await client.execute(uri: "/agents/\(Self.path(Self.oddAgent))", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
            }
            // Invalid percent-encoding is a 400, not a lookup of the raw text.
            try await client.execute(uri: "/api/interactions/%E0%A4%A", method: .get, headers: admin) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test("bad dates, cursors, limits and unknown filter values are 400 with a reason; case variants are accepted")
    func badFilters() async throws {
        try await Self.withOddWorkspace { fixture, client in
            let admin = WorkspaceTests.bearer(fixture.tokens["admin"])
            for query in ["since=%27", "until=2026-13-45", "cursor=%27", "cursor=nonsense%7Cx", "verdict=bogus", "channel=fax", "rubric=xyz", "limit=abc", "limit=0"] {
                // The HTML list pages by 50 and takes no limit.
                for path in ["/api/interactions", "/interactions"] where !(path == "/interactions" && query.hasPrefix("limit")) {
                    try await client.execute(uri: "\(path)?\(query)", method: .get, headers: admin) { response in
                        #expect(response.status == .badRequest, "\(path)?\(query)")
                        let body = String(buffer: response.body)
                        #expect(!body.isEmpty && body.split(separator: "\n").count == 1, "\(path)?\(query): one-line reason, got \(body)")
                    }
                }
            }
            var chat: [String] = []
            try await client.execute(uri: "/api/interactions?channel=chat&limit=500", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
                chat = try JSONObjectDecoderBridge.members(String(buffer: response.body)).ids
            }
            try await client.execute(uri: "/api/interactions?channel=Chat&verdict=PASSED&limit=500", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
                let ids = try JSONObjectDecoderBridge.members(String(buffer: response.body)).ids
                #expect(!ids.isEmpty && Set(ids).isSubset(of: Set(chat)))
            }
            try await client.execute(uri: "/api/interactions?since=2026-01-01&until=2027-01-01T00:00:00Z", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("a sign-in link's next goes only to a path of this site")
    func openRedirect() async throws {
        let cases = [
            ("/%5Cevil.example", "/"), ("//evil.example", "/"), ("https://evil.example/", "/"), ("/%09/evil.example", "/"),
            ("/%5C/evil.example", "/"), ("/interactions?channel=chat", "/interactions?channel=chat"), ("", "/"),
        ]
        try await WorkspaceTests.withWorkspace { fixture in
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            try await app.test(.router) { client in
                for (next, expected) in cases {
                    let nonce = try await fixture.client.withConnection { connection in
                        let user = try AccessStore().user(named: "u-qa_lead", on: connection)!
                        return try AccessStore().loginLink(for: user, on: connection)
                    }
                    try await client.execute(uri: "/login/link/\(nonce)?next=\(next)", method: .get) { response in
                        #expect(response.status == .seeOther)
                        #expect(response.headers[.location] == expected, "next=\(next)")
                    }
                }
            }
        }
    }

    @Test("cross-origin POSTs are refused (login CSRF included); same-origin and header-less API calls go on")
    func origins() async throws {
        try await Self.withOddWorkspace { fixture, client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let login = ByteBuffer(string: "token=\(fixture.tokens["qa_lead"]!)")
            for origin in ["http://evil.example", "null"] {
                try await client.execute(uri: "/login", method: .post, headers: form.merging([.origin: origin]), body: login) { response in
                    #expect(response.status == .forbidden, "Origin: \(origin)")
                    #expect(response.headers[.setCookie] == nil)
                }
            }
            try await client.execute(uri: "/login", method: .post, headers: form.merging([.referer: "http://evil.example/x"]), body: login) { response in
                #expect(response.status == .forbidden)
            }
            // The router test client sends requests to host "localhost".
            try await client.execute(uri: "/login", method: .post, headers: form.merging([.origin: "http://localhost"]), body: login) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/login", method: .post, headers: form, body: login) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("Secure") == false)
            }
            // Behind a TLS proxy the cookie is Secure.
            try await client.execute(uri: "/login", method: .post, headers: form.merging([.init("X-Forwarded-Proto")!: "https"]), body: login) { response in
                #expect(response.headers[.setCookie]?.contains("Secure") == true)
            }
            // A bearer-authenticated API call from a foreign page is refused too.
            let sha = try await fixture.client.withConnection { try $0.execute("SELECT rubric_sha256 FROM omniscore.scores LIMIT 1").scalar! }
            try await client.execute(uri: "/api/interactions/\(fixture.ownInteraction)/reviews", method: .post,
                headers: WorkspaceTests.bearer(fixture.tokens["qa_lead"]).merging([.contentType: "application/json", .origin: "https://evil.example"]),
                body: ByteBuffer(string: #"{"criterion":"process.greeting","verdict":"fail","rubric":"\#(sha)","reason":"x"}"#)) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("reviews and disputes only of verdicts that exist: unknown criterion or rubric version is 400, nothing stored")
    func validatedReviews() async throws {
        try await Self.withOddWorkspace { fixture, client in
            let sha = try await fixture.client.withConnection { try $0.execute("SELECT rubric_sha256 FROM omniscore.scores LIMIT 1").scalar! }
            let lead = WorkspaceTests.bearer(fixture.tokens["qa_lead"]).merging([.contentType: "application/json"])
            let agent = WorkspaceTests.bearer(fixture.tokens["agent"]).merging([.contentType: "application/json"])
            let bogus = [("no.such", sha), ("process.greeting", String(repeating: "0", count: 64))]
            for (criterion, rubric) in bogus {
                let body = ByteBuffer(string: #"{"criterion":"\#(criterion)","verdict":"fail","rubric":"\#(rubric)","reason":"x"}"#)
                try await client.execute(uri: "/api/interactions/\(fixture.ownInteraction)/reviews", method: .post, headers: lead, body: body) { response in
                    #expect(response.status == .badRequest, "review of \(criterion)")
                }
                try await client.execute(uri: "/api/interactions/\(fixture.ownInteraction)/disputes", method: .post, headers: agent, body: body) { response in
                    #expect(response.status == .badRequest, "dispute of \(criterion)")
                }
            }
            let stored = try await fixture.client.withConnection { try $0.execute("SELECT (SELECT count(*) FROM omniscore.reviews) + (SELECT count(*) FROM omniscore.disputes)").rows.first?.int(0) }
            #expect(stored == 0)
            try await client.execute(uri: "/api/interactions/\(fixture.ownInteraction)/reviews", method: .post, headers: lead,
                body: ByteBuffer(string: #"{"criterion":"process.greeting","verdict":"fail","rubric":"\#(sha)","reason":"x"}"#)) { response in
                #expect(response.status == .created || response.status == .ok)
            }
        }
    }

    @Test("HEAD on GET routes; the bearer scheme is case-insensitive; failed sign-ins are throttled and audited")
    func headBearerThrottle() async throws {
        try await Self.withOddWorkspace { fixture, client in
            try await client.execute(uri: "/health", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/api/interactions?limit=1", method: .head, headers: WorkspaceTests.bearer(fixture.tokens["admin"])) { response in
                #expect(response.status == .ok)
            }
            for scheme in ["bearer", "BEARER", "Bearer"] {
                try await client.execute(uri: "/api/interactions?limit=1", method: .get, headers: [.authorization: "\(scheme) \(fixture.tokens["admin"]!)"]) { response in
                    #expect(response.status == .ok, "\(scheme)")
                }
            }
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<12 {
                try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=wrong")) { response in
                    statuses.append(response.status)
                }
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .unauthorized })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
            // While throttled, even the right token waits.
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=\(fixture.tokens["admin"]!)")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
            let audited = try await fixture.client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.audit_log WHERE action = 'failed sign in' AND user_id IS NULL").rows.first?.int(0) }
            #expect(audited == 10)
            let leaked = try await fixture.client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.audit_log WHERE target LIKE '%wrong%'").rows.first?.int(0) }
            #expect(leaked == 0)
        }
    }

    @Test("masking policy: trainers see [name], [email] and [postcode] in the transcript and the API; QA leads see the text; common words stay")
    func maskingByRole() async throws {
        try await Self.withOddWorkspace { fixture, client in
            let personal = ["ellie.marsh@example.com", "SW1A 1AA", "Ellie", "the_wren_nest"]
            for path in ["/interactions/\(Self.path(Self.oddID))", "/api/interactions/\(Self.path(Self.oddID))"] {
                try await client.execute(uri: path, method: .get, headers: WorkspaceTests.bearer(fixture.tokens["trainer"])) { response in
                    #expect(response.status == .ok)
                    let body = String(buffer: response.body)
                    for text in personal { #expect(!body.contains(text), "\(path) shows \(text) to a trainer") }
                    if path.hasPrefix("/interactions") {
                        #expect(body.contains("[email]") && body.contains("[postcode]") && body.contains("[name]"))
                        #expect(body.contains("the parcel") || body.contains(" the "), "common words are not masked")
                    }
                }
                try await client.execute(uri: path, method: .get, headers: WorkspaceTests.bearer(fixture.tokens["qa_lead"])) { response in
                    #expect(response.status == .ok)
                    if path.hasPrefix("/interactions") {
                        #expect(String(buffer: response.body).contains("ellie.marsh@example.com"))
                    }
                }
            }
            // The policy is configurable: with no unmasked role, the QA lead sees the tags too.
            let strict = Application(router: WorkspaceApplication.router(client: fixture.client, masking: MaskingPolicy(unmaskedRoles: [])))
            try await strict.test(.router) { strictClient in
                try await strictClient.execute(uri: "/interactions/\(Self.path(Self.oddID))", method: .get, headers: WorkspaceTests.bearer(fixture.tokens["qa_lead"])) { response in
                    #expect(!String(buffer: response.body).contains("ellie.marsh@example.com"))
                }
            }
        }
    }
}
