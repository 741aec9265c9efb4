public import HTTPTypes
import Foundation
public import Hummingbird
public import OmniscoreStorage

/// The request context of the review workspace: who is asking (API token or browser session).
public struct WorkspaceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: AccessStore.User?
    /// Set for browser sessions: forms must carry this token.
    public var csrfToken: String?
    public var sessionID: String?
    /// The peer's IP address (for sign-in throttling and the audit of failed sign-ins).
    public var remoteAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
