import ArgumentParser
import OmniscoreStorage

/// `omniscore users add`: create a user of the review workspace and print their access token (once).
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Users of the review workspace.",
        subcommands: [Add.self, Link.self]
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
            let client = self.database.client()
            let nonce = try await withStorageErrors {
                try await client.withConnection { connection -> String? in
                    guard let user = try AccessStore().user(named: self.name, on: connection) else { return nil }
                    return try AccessStore().loginLink(for: user, on: connection)
                }
            }
            guard let nonce else {
                Console.error("error: no user named \(self.name)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            print("\(self.base)/login/link/\(nonce)?next=\(self.next)")
        }
    }
}
