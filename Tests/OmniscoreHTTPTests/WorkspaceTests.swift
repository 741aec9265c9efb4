import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OmniscoreCore
import OmniscoreHTTP
import OmniscoreRubrics
import OmniscoreStorage
import OmniscoreTestSupport
import Testing

@Suite("Review workspace over HTTP, on a real server")
struct WorkspaceTests {
    struct Fixture {
        var client: DatabaseClient
        var tokens: [String: String]  // role name -> token
        var ownInteraction: String
        var otherInteraction: String
    }

    /// Samples scored, one user per role, the agent user tied to the agent with the most interactions.
    static func withWorkspace(extra: [Interaction] = [], _ body: (Fixture) async throws -> Void) async throws {
        try await TestDatabase.withDatabase { client, _ in
            try await TestDatabase.prepare(client)
            let (interactions, _) = try SampleFiles.read([TestDatabase.packageRoot.appendingPathComponent("Samples/interactions").path])
            _ = try await client.withConnection { try HubLoader().load(interactions + extra, into: $0) }
            let (rubric, source) = try StockRubric.load()
            _ = try await ScoringRun(client: client, scorer: try Scorer(rubric: rubric), rubricSource: source).run(ScoringRun.Options())
            let agent = try await client.withConnection { try $0.execute("SELECT agent_id FROM interactions WHERE agent_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").scalar! }
            let own = try await client.withConnection { try $0.execute("SELECT id FROM interactions WHERE agent_id = \(agent) ORDER BY id LIMIT 1").scalar! }
            let other = try await client.withConnection { try $0.execute("SELECT id FROM interactions WHERE agent_id <> \(agent) ORDER BY id LIMIT 1").scalar! }
            var tokens: [String: String] = [:]
            for role in AccessStore.Role.allCases {
                tokens[role.rawValue] = try await client.withConnection {
                    try AccessStore().createUser(name: "u-\(role.rawValue)", role: role, agentID: role == .agent ? agent : nil, on: $0).1
                }
            }
            try await body(Fixture(client: client, tokens: tokens, ownInteraction: own, otherInteraction: other))
        }
    }

    static func object(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    static func bearer(_ token: String?) -> HTTPFields {
        guard let token else { return [:] }
        return [.authorization: "Bearer \(token)"]
    }

    @Test("role × route: who may read what (an agent never sees another agent's interaction)")
    func accessMatrix() async throws {
        try await Self.withWorkspace { fixture in
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            // (path, statuses by role: admin, qa_lead, trainer, agent, ci, anonymous)
            let cases: [(String, [HTTPResponse.Status])] = [
                ("/api/interactions", [.ok, .ok, .ok, .ok, .forbidden, .unauthorized]),
                ("/api/interactions/\(fixture.ownInteraction)", [.ok, .ok, .ok, .ok, .forbidden, .unauthorized]),
                ("/api/interactions/\(fixture.otherInteraction)", [.ok, .ok, .ok, .notFound, .forbidden, .unauthorized]),
                ("/api/calibration", [.ok, .ok, .forbidden, .forbidden, .forbidden, .unauthorized]),
                ("/api/dashboard", [.ok, .ok, .ok, .forbidden, .forbidden, .unauthorized]),
                ("/api/review-queue", [.ok, .ok, .forbidden, .forbidden, .forbidden, .unauthorized]),
                ("/api/reviews", [.ok, .ok, .ok, .ok, .forbidden, .unauthorized]),
                ("/api/disputes", [.ok, .ok, .ok, .ok, .forbidden, .unauthorized]),
                ("/calibration", [.ok, .ok, .forbidden, .forbidden, .forbidden, .seeOther]),
                ("/", [.ok, .ok, .ok, .forbidden, .forbidden, .seeOther]),
                ("/interactions", [.ok, .ok, .ok, .ok, .forbidden, .seeOther]),
                ("/disputes", [.ok, .ok, .ok, .ok, .forbidden, .seeOther]),
                ("/login", [.ok, .ok, .ok, .ok, .ok, .ok]),
                ("/review", [.ok, .ok, .forbidden, .forbidden, .forbidden, .seeOther]),
                ("/interactions/\(fixture.otherInteraction)", [.ok, .ok, .ok, .notFound, .forbidden, .seeOther]),
            ]
            let roles: [String?] = ["admin", "qa_lead", "trainer", "agent", "ci", nil]
            try await app.test(.router) { client in
                for (path, statuses) in cases {
                    for (role, expected) in zip(roles, statuses) {
                        try await client.execute(uri: path, method: .get, headers: Self.bearer(role.flatMap { fixture.tokens[$0] })) { response in
                            #expect(response.status == expected, "\(role ?? "anonymous") GET \(path)")
                        }
                    }
                }
                // The agent's list holds only their own interactions.
                try await client.execute(uri: "/api/interactions?limit=500", method: .get, headers: Self.bearer(fixture.tokens["agent"])) { response in
                    let body = String(buffer: response.body)
                    #expect(body.contains(fixture.ownInteraction))
                    #expect(!body.contains("\"\(fixture.otherInteraction)\""))
                }
                try await client.execute(uri: "/api/interactions", method: .get, headers: [.authorization: "Bearer " + String(repeating: "0", count: 64)]) { response in
                    #expect(response.status == .unauthorized)
                }
                // A revoked user's token no longer works; another user's still does.
                try await fixture.client.withConnection { connection in
                    let trainer = try AccessStore().user(named: "u-trainer", on: connection)!
                    #expect(try AccessStore().revokeAccess(of: trainer, by: nil, on: connection) == 1)
                }
                try await client.execute(uri: "/api/interactions", method: .get, headers: Self.bearer(fixture.tokens["trainer"])) { response in
                    #expect(response.status == .unauthorized)
                }
                try await client.execute(uri: "/api/interactions", method: .get, headers: Self.bearer(fixture.tokens["qa_lead"])) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }

    @Test("hostile transcripts render inert, and every page carries a Content-Security-Policy")
    func hostileTranscript() async throws {
        try await Self.withWorkspace { fixture in
            try await fixture.client.withConnection { connection in
                try connection.execute("""
                    UPDATE messages SET text = '<script>alert(1)</script> "><img src=x onerror=alert(2)> ‮evil' WHERE interaction_id = \(fixture.ownInteraction) AND seq = 0
                    """)
            }
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            try await app.test(.router) { client in
                try await client.execute(uri: "/interactions/\(fixture.ownInteraction)", method: .get, headers: Self.bearer(fixture.tokens["qa_lead"])) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(!html.contains("<script>"))
                    #expect(!html.contains("<img src=x"))
                    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                    #expect(html.contains("&quot;&gt;&lt;img"))
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                }
            }
        }
    }

    @Test("browser sessions: HttpOnly SameSite cookie; forms without the CSRF token are rejected; reviews keep the automatic verdict")
    func sessionsAndCSRF() async throws {
        try await Self.withWorkspace { fixture in
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            try await app.test(.router) { client in
                var cookie = ""
                try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "token=\(fixture.tokens["qa_lead"]!)")) { response in
                    #expect(response.status == .seeOther)
                    let setCookie = response.headers[.setCookie] ?? ""
                    #expect(setCookie.contains("HttpOnly"))
                    #expect(setCookie.contains("SameSite=Strict"))
                    cookie = String(setCookie.split(separator: ";")[0])
                }
                var csrf = ""
                try await client.execute(uri: "/interactions/\(fixture.ownInteraction)", method: .get, headers: [.cookie: cookie]) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok)
                    let marker = "name=\"csrf\" value=\""
                    let start = try #require(html.range(of: marker))
                    csrf = String(html[start.upperBound...].prefix(64))
                }
                let sha = try await fixture.client.withConnection { try $0.execute("SELECT rubric_sha256 FROM omniscore.scores LIMIT 1").scalar! }
                let form = "criterion=process.greeting&verdict=fail&reason=missed+it&rubric=\(sha)"
                // Forged: no token, then a wrong one.
                for body in [form, form + "&csrf=" + String(repeating: "a", count: 64)] {
                    try await client.execute(uri: "/interactions/\(fixture.ownInteraction)/reviews", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)) { response in
                        #expect(response.status == .forbidden)
                    }
                }
                try await client.execute(uri: "/interactions/\(fixture.ownInteraction)/reviews", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form + "&csrf=\(csrf)")) { response in
                    #expect(response.status == .seeOther)
                }
                // The agent may not review.
                try await client.execute(uri: "/interactions/\(fixture.ownInteraction)/reviews", method: .post, headers: Self.bearer(fixture.tokens["agent"]).merging([.contentType: "application/x-www-form-urlencoded"]), body: ByteBuffer(string: form)) { response in
                    #expect(response.status == .forbidden)
                }
            }
            let (automatic, human) = try await fixture.client.withConnection { connection in
                (try connection.execute("SELECT verdict FROM omniscore.criterion_results WHERE interaction_id = \(fixture.ownInteraction) AND criterion_id = 'process.greeting'").scalar,
                 try connection.execute("SELECT verdict FROM omniscore.reviews WHERE interaction_id = \(fixture.ownInteraction)").scalar)
            }
            #expect(human == "fail")
            #expect(automatic != nil)
            let calibration = try await fixture.client.withConnection { try WorkspaceStore().calibration(sha256: nil, on: $0) }
            #expect(calibration.criteria.first?.criterion == "process.greeting")
            #expect(calibration.criteria.first?.automatic.count == 1)
            #expect(calibration.months.count == 1)
            #expect(calibration.months.first?.automatic.count == 1)
        }
    }

    @Test("disputes: an agent disputes their own verdict, a QA lead decides, the audit trail records both")
    func disputes() async throws {
        try await Self.withWorkspace { fixture in
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            let sha = try await fixture.client.withConnection { try $0.execute("SELECT rubric_sha256 FROM omniscore.scores LIMIT 1").scalar! }
            try await app.test(.router) { client in
                let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                let body = "criterion=process.closing&reason=I+did+close&rubric=\(sha)"
                try await client.execute(uri: "/interactions/\(fixture.otherInteraction)/disputes", method: .post, headers: Self.bearer(fixture.tokens["agent"]).merging(form), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .notFound)
                }
                try await client.execute(uri: "/interactions/\(fixture.ownInteraction)/disputes", method: .post, headers: Self.bearer(fixture.tokens["agent"]).merging(form), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .seeOther)
                }
                let id = try await fixture.client.withConnection { try $0.execute("SELECT id FROM omniscore.disputes").scalar! }
                try await client.execute(uri: "/disputes/\(id)", method: .post, headers: Self.bearer(fixture.tokens["agent"]).merging(form), body: ByteBuffer(string: "status=accepted&resolution=x")) { response in
                    #expect(response.status == .forbidden)
                }
                try await client.execute(uri: "/disputes/\(id)", method: .post, headers: Self.bearer(fixture.tokens["qa_lead"]).merging(form), body: ByteBuffer(string: "status=changed&verdict=pass&resolution=closing+was+there")) { response in
                    #expect(response.status == .seeOther)
                }
                try await client.execute(uri: "/disputes/\(id)", method: .post, headers: Self.bearer(fixture.tokens["qa_lead"]).merging(form), body: ByteBuffer(string: "status=rejected&resolution=again")) { response in
                    #expect(response.status == .conflict)
                }
            }
            let audit = try await fixture.client.withConnection { try $0.execute("SELECT action FROM omniscore.audit_log ORDER BY id").rows.compactMap { $0[0] } }
            #expect(audit.contains { $0.hasPrefix("dispute process.closing") })
            #expect(audit.contains { $0.contains("changed") })
            let review = try await fixture.client.withConnection { try $0.execute("SELECT verdict FROM omniscore.reviews WHERE criterion_id = 'process.closing'").scalar }
            #expect(review == "pass")
        }
    }

    @Test("the JSON API: review queue, a review and a dispute posted as JSON, the dispute decided, overrides and calibration read back")
    func reviewAPI() async throws {
        try await Self.withWorkspace { fixture in
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            let sha = try await fixture.client.withConnection { try $0.execute("SELECT rubric_sha256 FROM omniscore.scores LIMIT 1").scalar! }
            let json: HTTPFields = [.contentType: "application/json"]
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/review-queue?limit=10&seed=3", method: .get, headers: Self.bearer(fixture.tokens["qa_lead"])) { response in
                    #expect(response.status == .ok)
                    let queue = try Self.object(String(buffer: response.body)) as? [[String: Any]] ?? []
                    #expect(queue.count == 10)
                    #expect(queue.filter { $0["control"] as? Bool == true }.count == 2)
                }
                let review = #"{"criterion":"process.greeting","verdict":"fail","rubric":"\#(sha)","reason":"no greeting at all"}"#
                try await client.execute(uri: "/api/interactions/\(fixture.ownInteraction)/reviews", method: .post, headers: Self.bearer(fixture.tokens["qa_lead"]).merging(json), body: ByteBuffer(string: review)) { response in
                    #expect(response.status == .created)
                }
                try await client.execute(uri: "/api/interactions/\(fixture.ownInteraction)/reviews", method: .post, headers: Self.bearer(fixture.tokens["qa_lead"]).merging(json), body: ByteBuffer(string: #"{"criterion":"process.greeting","verdict":"maybe","rubric":"x","reason":"r"}"#)) { response in
                    #expect(response.status == .badRequest)
                }
                try await client.execute(uri: "/api/interactions/\(fixture.ownInteraction)/reviews", method: .post, headers: Self.bearer(fixture.tokens["qa_lead"]).merging(json), body: ByteBuffer(string: "not json")) { response in
                    #expect(response.status == .badRequest)
                }
                try await client.execute(uri: "/api/interactions/\(fixture.ownInteraction)/reviews", method: .post, headers: Self.bearer(fixture.tokens["agent"]).merging(json), body: ByteBuffer(string: review)) { response in
                    #expect(response.status == .forbidden)
                }
                try await client.execute(uri: "/api/reviews", method: .get, headers: Self.bearer(fixture.tokens["trainer"])) { response in
                    let reviews = try Self.object(String(buffer: response.body)) as? [[String: Any]] ?? []
                    #expect(reviews.count == 1)
                    #expect(reviews.first?["human_verdict"] as? String == "fail")
                    #expect(reviews.first?["automatic_verdict"] is String)
                }
                let dispute = #"{"criterion":"process.closing","rubric":"\#(sha)","reason":"I did close"}"#
                try await client.execute(uri: "/api/interactions/\(fixture.otherInteraction)/disputes", method: .post, headers: Self.bearer(fixture.tokens["agent"]).merging(json), body: ByteBuffer(string: dispute)) { response in
                    #expect(response.status == .notFound)
                }
                var disputeID = 0
                try await client.execute(uri: "/api/interactions/\(fixture.ownInteraction)/disputes", method: .post, headers: Self.bearer(fixture.tokens["agent"]).merging(json), body: ByteBuffer(string: dispute)) { response in
                    #expect(response.status == .created)
                    disputeID = (try Self.object(String(buffer: response.body)) as? [String: Any])?["id"] as? Int ?? 0
                }
                #expect(disputeID > 0)
                try await client.execute(uri: "/api/disputes", method: .get, headers: Self.bearer(fixture.tokens["agent"])) { response in
                    let disputes = try Self.object(String(buffer: response.body)) as? [[String: Any]] ?? []
                    #expect(disputes.map { $0["id"] as? Int } == [disputeID])
                    #expect(disputes.first?["status"] as? String == "open")
                }
                try await client.execute(uri: "/api/disputes/\(disputeID)", method: .post, headers: Self.bearer(fixture.tokens["qa_lead"]).merging(json), body: ByteBuffer(string: #"{"status":"changed","resolution":"closing was there"}"#)) { response in
                    #expect(response.status == .badRequest)  // changed needs the new verdict
                }
                try await client.execute(uri: "/api/disputes/\(disputeID)", method: .post, headers: Self.bearer(fixture.tokens["qa_lead"]).merging(json), body: ByteBuffer(string: #"{"status":"changed","verdict":"pass","resolution":"closing was there"}"#)) { response in
                    #expect(response.status == .ok)
                }
                try await client.execute(uri: "/api/disputes/\(disputeID)", method: .post, headers: Self.bearer(fixture.tokens["qa_lead"]).merging(json), body: ByteBuffer(string: #"{"status":"rejected","resolution":"again"}"#)) { response in
                    #expect(response.status == .conflict)
                }
                try await client.execute(uri: "/api/calibration", method: .get, headers: Self.bearer(fixture.tokens["qa_lead"])) { response in
                    let calibration = try Self.object(String(buffer: response.body)) as? [String: Any] ?? [:]
                    let criteria = calibration["criteria"] as? [[String: Any]] ?? []
                    #expect(Set(criteria.compactMap { $0["criterion"] as? String }) == ["process.greeting", "process.closing"])
                    #expect((calibration["months"] as? [[String: Any]])?.first?["automatic_n"] as? Int == 2)
                }
            }
        }
    }

    @Test("health, readiness and Prometheus metrics; cursor paging covers every row once")
    func operationsAndPaging() async throws {
        try await Self.withWorkspace { fixture in
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            try await app.test(.router) { client in
                try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
                try await client.execute(uri: "/ready", method: .get) { #expect($0.status == .ok) }
                try await client.execute(uri: "/metrics", method: .get) { response in
                    let text = String(buffer: response.body)
                    #expect(text.contains("omniscore_interactions_scored "))
                    #expect(text.contains("omniscore_interactions_not_scored{reason=\"empty\"}"))
                    #expect(text.contains("omniscore_queue_depth 0"))
                }
                var seen: [String] = []
                var cursor: String? = nil
                repeat {
                    let query = cursor.map { "&cursor=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""
                    try await client.execute(uri: "/api/interactions?limit=40" + query, method: .get, headers: Self.bearer(fixture.tokens["admin"])) { response in
                        let members = try JSONObjectDecoderBridge.members(String(buffer: response.body))
                        seen += members.ids
                        cursor = members.next
                    }
                } while cursor != nil
                let total = try await fixture.client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.scores").rows.first?.int(0) }
                #expect(seen.count == total)
                #expect(Set(seen).count == seen.count)
            }
        }
    }
}

@Suite("OpenAPI description")
struct OpenAPITests {
    /// (method, path) pairs of docs/openapi.yaml, read line by line (paths at two spaces, methods at four).
    static func documented() throws -> Set<String> {
        let text = try String(contentsOf: TestDatabase.packageRoot.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        var inPaths = false
        var path = ""
        var found: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), let colon = line.lastIndex(of: ":") {
                path = String(line[line.index(line.startIndex, offsetBy: 2)..<colon])
            } else if line.hasPrefix("    "), !line.hasPrefix("     ") {
                let method = line.dropFirst(4).prefix { $0 != ":" }
                if ["get", "post", "put", "delete", "patch"].contains(String(method)) { found.insert("\(method.uppercased()) \(path)") }
            }
        }
        return found
    }

    @Test("the served routes are exactly the documented ones, and each is registered")
    func routesMatch() async throws {
        let documented = try Self.documented()
        let declared = Set(WorkspaceApplication.routes.map { "\($0.method) \($0.path)" })
        #expect(documented == declared)
        try await WorkspaceTests.withWorkspace { fixture in
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            try await app.test(.router) { client in
                try await client.execute(uri: "/no-such-route", method: .get, headers: WorkspaceTests.bearer(fixture.tokens["admin"])) { response in
                    #expect(response.status == .notFound && response.body.readableBytes == 0)
                }
                for route in WorkspaceApplication.routes {
                    let uri = route.path.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{nonce}", with: "x")
                    try await client.execute(uri: uri, method: route.method == "GET" ? .get : .post, headers: WorkspaceTests.bearer(fixture.tokens["admin"])) { response in
                        // The router's own "no such route" is a bare 404; handlers that find nothing say so.
                        #expect(response.status != .notFound || response.body.readableBytes > 0, "\(route.method) \(route.path) is not served")
                    }
                }
            }
        }
    }
}

@Suite("Rubric versions over HTTP")
struct RubricAPITests {
    @Test("ci submits rubric versions: valid ones are stored, invalid ones get located errors, failing examples are refused; diffs compare versions")
    func submit() async throws {
        try await WorkspaceTests.withWorkspace { fixture in
            let app = Application(router: WorkspaceApplication.router(client: fixture.client))
            let (_, source) = try StockRubric.load()
            let bumped = source.replacingOccurrences(of: #"version="1.1.0""#, with: #"version="1.1.1""#)
            let broken = source.replacingOccurrences(of: #"<example name="condescending-reply" expect="fail">"#, with: #"<example name="condescending-reply" expect="pass">"#)
                .replacingOccurrences(of: #"version="1.1.0""#, with: #"version="1.1.2""#)
            let hostile = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rubric>&x;</rubric>"#
            try await app.test(.router) { client in
                let ci = WorkspaceTests.bearer(fixture.tokens["ci"])
                try await client.execute(uri: "/api/rubrics", method: .post, headers: ci, body: ByteBuffer(string: bumped)) { response in
                    #expect(response.status == .created)
                    #expect(String(buffer: response.body).contains("\"stored\":true"))
                }
                try await client.execute(uri: "/api/rubrics", method: .post, headers: ci, body: ByteBuffer(string: broken)) { response in
                    #expect(response.status == .conflict)
                    #expect(String(buffer: response.body).contains("condescending-reply"))
                }
                try await client.execute(uri: "/api/rubrics", method: .post, headers: ci, body: ByteBuffer(string: hostile)) { response in
                    #expect(response.status == .unprocessableContent)
                    #expect(String(buffer: response.body).contains("submitted.xml:1:"))
                    #expect(!String(buffer: response.body).contains("root:"))
                }
                try await client.execute(uri: "/api/rubrics", method: .post, headers: WorkspaceTests.bearer(fixture.tokens["agent"]), body: ByteBuffer(string: bumped)) { response in
                    #expect(response.status == .forbidden)
                }
                try await client.execute(uri: "/api/rubrics", method: .get, headers: ci) { response in
                    let body = String(buffer: response.body)
                    #expect(body.contains("\"version\":\"1.1.0\""))
                    #expect(body.contains("\"version\":\"1.1.1\""))
                    #expect(!body.contains("1.1.2"))
                }
            }
            // Rescore with the stored 1.1.1 and compare: identical checks flip nothing.
            let new = try RubricLoader.load(source: bumped, file: "bumped.xml").rubric
            _ = try await ScoringRun(client: fixture.client, scorer: try Scorer(rubric: new), rubricSource: bumped).run(ScoringRun.Options(kind: "rescore"))
            let (old, _) = try StockRubric.load()
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/rubrics/\(new.sha256)/diff?against=\(old.sha256)", method: .get, headers: WorkspaceTests.bearer(fixture.tokens["qa_lead"])) { response in
                    let body = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(body.contains("\"criterion\":\"process.greeting\""))
                    #expect(body.contains("\"verdict_flips\":0"))
                    #expect(!body.contains("\"verdict_flips\":1"))
                }
            }
        }
    }
}
