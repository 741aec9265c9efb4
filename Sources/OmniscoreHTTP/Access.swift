import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreCore
import OmniscoreStorage

/// Who may do what. Agents see only their own interactions, scores and reports; the ci role may only check
/// rubric versions.
enum Access {
    static func require(_ context: WorkspaceContext, _ roles: Set<AccessStore.Role>) throws -> AccessStore.User {
        guard let user = context.user else { throw HTTPError(.unauthorized, message: "sign in first: /login") }
        guard roles.contains(user.role) else { throw HTTPError(.forbidden, message: "your role may not do this") }
        return user
    }

    static let readers: Set<AccessStore.Role> = [.admin, .qaLead, .trainer, .agent]
    static let leads: Set<AccessStore.Role> = [.admin, .qaLead]
    static let staff: Set<AccessStore.Role> = [.admin, .qaLead, .trainer]

    /// The agent filter a user's queries must carry: their own agent id for agents, none for staff.
    static func scope(_ user: AccessStore.User) -> String? {
        user.role == .agent ? (user.agentID ?? "\u{0}no-agent") : nil
    }

    /// A state-changing browser request must carry the session's CSRF token; API calls with a bearer token
    /// cannot be forged by a browser and need none.
    static func checkCSRF(_ form: [String: String], _ context: WorkspaceContext) throws {
        guard context.sessionID != nil else { return }
        guard let token = context.csrfToken, let sent = form["csrf"], sent == token else {
            throw HTTPError(.forbidden, message: "missing or wrong CSRF token; reload the page and try again")
        }
    }
}
