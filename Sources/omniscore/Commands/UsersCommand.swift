import ArgumentParser
import OmniscoreStorage

/// `omniscore users add|token|revoke|link`: users of the review workspace, their access tokens (shown once,
/// stored as SHA-256) and one-time sign-in links.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Users of the review workspace.",
        subcommands: [Add.self, Token.self, Revoke.self, Link.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Create a user (the first admin is bootstrapped this way) and print their access token, once.",
            discussion: "Roles: admin, qa_lead, trainer, agent (needs --agent: the hub agent id whose results they see), ci. Only the token's SHA-256 is stored."
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "A unique user name.")
        var name: String

        @Option(help: "admin, qa_lead, trainer, agent or ci.")
        var role: String

        @Option(help: "For role agent: the agent id in the hub's agents table.")
        var agent: String?

        func validate() throws {
            guard let role = AccessStore.Role(rawValue: self.role) else {
                throw ValidationError("--role must be one of \(AccessStore.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if role == .agent && self.agent == nil { throw ValidationError("an agent user needs --agent ID") }
        }

        func run() async throws {
            let client = self.database.client()
            try await withStorageErrors { try await requireCurrentSchema(client) }
            let token = try await withStorageErrors {
                try await client.withConnection { try AccessStore().createUser(name: self.name, role: AccessStore.Role(rawValue: self.role)!, agentID: self.agent, on: $0).1 }
            }
            print(token)
            Console.error("created \(self.role) \(self.name); the token above is shown only now: sign in at /login with it, or send it as 'Authorization: Bearer TOKEN'")
        }
    }

    /// Runs `body` with the user named `name`; an unknown name is an error naming it (exit status 2).
    static func withUser<T: Sendable>(named name: String, _ database: DatabaseOptions, _ body: @escaping @Sendable (AccessStore.User, DatabaseConnection) throws -> T) async throws -> T {
        let client = database.client()
        let result = try await withStorageErrors {
            try await client.withConnection { connection -> T? in
                guard let user = try AccessStore().user(named: name, on: connection) else { return nil }
                return try body(user, connection)
            }
        }
        guard let result else {
            Console.error("error: no user named \(name)")
            throw ExitCode(ExitStatus.invalidInput)
        }
        return result
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Issue another access token for an existing user and print it, once (rotation: issue, switch, then revoke the old ones)."
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The user name.")
        var name: String

        @Option(help: "What the token is for (kept with it).")
        var label = "issued with users token"

        func run() async throws {
            let label = self.label
            print(try await UsersCommand.withUser(named: self.name, self.database) { user, connection in
                try AccessStore().issueToken(for: user, label: label, on: connection)
            })
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke every access token, browser session and sign-in link of a user at once; the user and the audit trail stay."
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The user name.")
        var name: String

        func run() async throws {
            let revoked = try await UsersCommand.withUser(named: self.name, self.database) { user, connection in
                try AccessStore().revokeAccess(of: user, by: nil, on: connection)
            }
            print("revoked \(revoked) token(s) of \(self.name), and every session and sign-in link")
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Print a one-time sign-in link for a user (valid 10 minutes), e.g. for a scripted browser."
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The user name.")
        var name: String

        @Option(help: "Base URL of the workspace.")
        var base = "http://127.0.0.1:8080"

        @Option(help: "The page to open after signing in.")
        var next = "/"

        func run() async throws {
            let nonce = try await UsersCommand.withUser(named: self.name, self.database) { user, connection in
                try AccessStore().loginLink(for: user, on: connection)
            }
            print("\(self.base)/login/link/\(nonce)?next=\(self.next)")
        }
    }
}
