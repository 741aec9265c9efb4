import Hummingbird
import Logging
import Metrics
import OmniscoreHTTP
import OmniscoreStorage
import Prometheus
import Synchronization

/// Runs the review workspace's HTTP server: Prometheus metrics bootstrapped once for the process, graceful
/// shutdown on SIGINT/SIGTERM (Hummingbird's service lifecycle).
enum WorkspaceServer {
    private static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped = Mutex(false)

    /// Runs the server on its own until SIGINT or SIGTERM (the demo and the HTTP bench).
    static func run(client: DatabaseClient, host: String, port: Int) async throws {
        try await self.application(client: client, host: host, port: port).runService()
    }

    /// The server as a service, for a service group of its own.
    static func application(client: DatabaseClient, host: String, port: Int, masking: MaskingPolicy = MaskingPolicy()) -> some ApplicationProtocol {
        let registry = self.registry
        self.bootstrapped.withLock { done in
            if !done {
                MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
                done = true
            }
        }
        var logger = Logger(label: "omniscore.http")
        logger.logLevel = .notice
        let app = WorkspaceApplication.build(client: client, configuration: .init(host: host, port: port, masking: masking), logger: logger) {
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return String(decoding: buffer, as: UTF8.self)
        }
        return app
    }
}
