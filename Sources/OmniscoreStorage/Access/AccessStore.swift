import Crypto

/// Users, API tokens and browser sessions. Tokens and session ids are random 256-bit values shown once; only
/// their SHA-256 is stored, so a copy of the database gives no way in.
public struct AccessStore: Sendable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case admin
        case qaLead = "qa_lead"
        case trainer
        case agent
        case ci
    }

    public struct User: Sendable, Hashable {
        public var id: Int
        public var name: String
        public var role: Role
        /// For agents: the hub agent id whose interactions they may see.
        public var agentID: String?

        public init(id: Int, name: String, role: Role, agentID: String?) {
            self.id = id
            self.name = name
            self.role = role
            self.agentID = agentID
        }
    }

    public struct Session: Sendable, Hashable {
        public var user: User
        public var csrfToken: String
    }

    public init() {}

    /// 32 random bytes as hex.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format2hex: UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format2hex: $0) }.joined()
    }

    /// Creates a user and returns it with a new API token (shown once).
    public func createUser(name: String, role: Role, agentID: String?, on connection: DatabaseConnection) throws -> (User, String) {
        let id = try connection.execute("""
            INSERT INTO omniscore.users (name, role, agent_id) VALUES (\(name), \(role.rawValue), \(agentID)) RETURNING id
            """).rows.first?.int(0) ?? 0
        let user = User(id: id, name: name, role: role, agentID: agentID)
        return (user, try self.issueToken(for: user, label: "created with the user", on: connection))
    }

    public func issueToken(for user: User, label: String, on connection: DatabaseConnection) throws -> String {
        let token = Self.randomToken()
        try connection.execute("INSERT INTO omniscore.api_tokens (token_sha256, user_id, label) VALUES (\(Self.hash(token)), \(user.id), \(label))")
        return token
    }

    /// A user by name.
    public func user(named name: String, on connection: DatabaseConnection) throws -> User? {
        try connection.execute("SELECT id, name, role, agent_id FROM omniscore.users WHERE name = \(name)").rows.first.flatMap(Self.user)
    }

    /// Revokes every API token, browser session and unused sign-in link of `user` at once (a leaver, a leaked
    /// token); the user and their audit trail stay. Returns how many tokens were revoked.
    @discardableResult
    public func revokeAccess(of user: User, by admin: User?, on connection: DatabaseConnection) throws -> Int {
        try connection.transaction {
            let tokens = try connection.execute("DELETE FROM omniscore.api_tokens WHERE user_id = \(user.id)").affected
            try connection.execute("DELETE FROM omniscore.sessions WHERE user_id = \(user.id)")
            try connection.execute("DELETE FROM omniscore.login_links WHERE user_id = \(user.id)")
            try self.audit(user: admin ?? user, action: "revoke access of \(user.name) (\(tokens) token(s))", target: "user \(user.id)", on: connection)
            return tokens
        }
    }

    /// The user of an API token, or nil.
    public func user(forToken token: String, on connection: DatabaseConnection) throws -> User? {
        guard token.count == 64 else { return nil }
        let row = try connection.execute("""
            UPDATE omniscore.api_tokens t SET last_used_at = now() FROM omniscore.users u
            WHERE t.token_sha256 = \(Self.hash(token)) AND u.id = t.user_id
            RETURNING u.id, u.name, u.role, u.agent_id
            """).rows.first
        return row.flatMap(Self.user)
    }

    static func user(_ row: SQLRow) -> User? {
        guard let id = row.int(0), let name = row[1], let role = row[2].flatMap(Role.init(rawValue:)) else { return nil }
        return User(id: id, name: name, role: role, agentID: row[3])
    }

    /// Starts a browser session: returns the session id (for the cookie) and the session's CSRF token.
    public func startSession(for user: User, lifetimeHours: Int = 12, on connection: DatabaseConnection) throws -> (id: String, csrf: String) {
        let id = Self.randomToken()
        let csrf = Self.randomToken()
        try connection.execute("""
            INSERT INTO omniscore.sessions (id_sha256, user_id, csrf_token, expires_at)
            VALUES (\(Self.hash(id)), \(user.id), \(csrf), now() + make_interval(hours => \(lifetimeHours)))
            """)
        return (id, csrf)
    }

    public func session(_ id: String, on connection: DatabaseConnection) throws -> Session? {
        guard id.count == 64 else { return nil }
        let row = try connection.execute("""
            SELECT u.id, u.name, u.role, u.agent_id, s.csrf_token FROM omniscore.sessions s JOIN omniscore.users u ON u.id = s.user_id
            WHERE s.id_sha256 = \(Self.hash(id)) AND s.expires_at > now()
            """).rows.first
        guard let row, let user = Self.user(row), let csrf = row[4] else { return nil }
        return Session(user: user, csrfToken: csrf)
    }

    /// A one-time sign-in nonce for `user`, valid for `minutes`.
    public func loginLink(for user: User, minutes: Int = 10, on connection: DatabaseConnection) throws -> String {
        let nonce = Self.randomToken()
        try connection.execute("""
            INSERT INTO omniscore.login_links (nonce_sha256, user_id, expires_at) VALUES (\(Self.hash(nonce)), \(user.id), now() + make_interval(mins => \(minutes)))
            """)
        return nonce
    }

    /// The user of a sign-in nonce, which is consumed (a second use finds nothing).
    public func redeemLoginLink(_ nonce: String, on connection: DatabaseConnection) throws -> User? {
        guard nonce.count == 64 else { return nil }
        let row = try connection.execute("""
            WITH used AS (DELETE FROM omniscore.login_links WHERE nonce_sha256 = \(Self.hash(nonce)) AND expires_at > now() RETURNING user_id)
            SELECT u.id, u.name, u.role, u.agent_id FROM omniscore.users u JOIN used ON used.user_id = u.id
            """).rows.first
        return row.flatMap(Self.user)
    }

    public func endSession(_ id: String, on connection: DatabaseConnection) throws {
        try connection.execute("DELETE FROM omniscore.sessions WHERE id_sha256 = \(Self.hash(id))")
    }

    public func audit(user: User, action: String, target: String, on connection: DatabaseConnection) throws {
        try connection.execute("INSERT INTO omniscore.audit_log (user_id, action, target) VALUES (\(user.id), \(action), \(target))")
    }

    /// An audited event with no known user (a failed sign-in).
    public func auditAnonymous(action: String, target: String, on connection: DatabaseConnection) throws {
        try connection.execute("INSERT INTO omniscore.audit_log (user_id, action, target) VALUES (NULL, \(action), \(target))")
    }
}

extension String {
    fileprivate init(format2hex byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
