import HTTPTypes
import Foundation
public import Hummingbird
public import Logging
public import OmniscoreStorage

/// The review workspace's HTTP application, used by `omniscore serve`, the demo and every HTTP test.
public enum WorkspaceApplication {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// Who sees personal data unmasked.
        public var masking: MaskingPolicy

        public init(host: String = "127.0.0.1", port: Int = 8080, masking: MaskingPolicy = MaskingPolicy()) {
            self.host = host
            self.port = port
            self.masking = masking
        }
    }

    /// Every route, as documented in docs/openapi.yaml (a test keeps the two and the router in step).
    public static let routes: [(method: String, path: String)] = [
        ("GET", "/health"), ("GET", "/ready"), ("GET", "/metrics"),
        ("GET", "/login"), ("POST", "/login"), ("GET", "/login/link/{nonce}"), ("POST", "/logout"),
        ("GET", "/"), ("GET", "/api/dashboard"),
        ("GET", "/interactions"), ("GET", "/api/interactions"), ("GET", "/interactions/{id}"), ("GET", "/api/interactions/{id}"),
        ("POST", "/interactions/{id}/reviews"), ("POST", "/interactions/{id}/disputes"),
        ("GET", "/agents/{id}"), ("GET", "/reports/{id}"),
        ("GET", "/review"), ("GET", "/calibration"), ("GET", "/api/calibration"),
        ("GET", "/disputes"), ("POST", "/disputes/{id}"),
        ("GET", "/api/review-queue"), ("GET", "/api/reviews"), ("POST", "/api/interactions/{id}/reviews"), ("POST", "/api/interactions/{id}/disputes"),
        ("GET", "/api/disputes"), ("POST", "/api/disputes/{id}"),
        ("GET", "/api/export"),
        ("GET", "/api/rubrics"), ("GET", "/api/rubrics/{sha}/diff"), ("POST", "/api/rubrics"),
    ]

    /// The router with every route and middleware.
    public static func router(client: DatabaseClient, masking: MaskingPolicy = MaskingPolicy(), metricsText: @escaping @Sendable () -> String = { "" }) -> Router<WorkspaceContext> {
        // HEAD is answered for every GET route (same status and headers, no body).
        let router = Router(context: WorkspaceContext.self, options: .autoGenerateHeadEndpoints)
        router.middlewares.add(LogRequestsMiddleware(.info))
        router.middlewares.add(MetricsMiddleware())
        router.middlewares.add(SecurityHeadersMiddleware())
        router.middlewares.add(OriginCheckMiddleware())
        router.middlewares.add(StorageErrorMiddleware())
        router.middlewares.add(AuthMiddleware(client: client))
        OperationsController(client: client, metricsText: metricsText).add(to: router)
        AuthController(client: client, throttle: LoginThrottle()).add(to: router)
        DashboardController(client: client).add(to: router)
        InteractionsController(client: client, masking: masking).add(to: router)
        ReviewController(client: client).add(to: router)
        ReviewAPIController(client: client).add(to: router)
        RubricsController(client: client).add(to: router)
        return router
    }

    /// The application (HTTP server) for `configuration`.
    public static func build(client: DatabaseClient, configuration: Configuration, logger: Logger, metricsText: @escaping @Sendable () -> String = { "" }) -> some ApplicationProtocol {
        Application(
            router: self.router(client: client, masking: configuration.masking, metricsText: metricsText),
            // A connection must send its first request's headers within 10 s, and is closed after 60 s idle.
            server: .http1(configuration: .init(additionalChannelHandlers: [RequestHeadTimeout(timeout: .seconds(10))], idleTimeout: .seconds(60))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "omniscore"),
            logger: logger
        )
    }
}
