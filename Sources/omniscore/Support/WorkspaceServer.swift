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

    static func run(client: DatabaseClient, host: String, port: Int) async throws {
        let registry = self.registry
        self.bootstrapped.withLock { done in
            if !done {
                MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
                done = true
            }
        }
        var logger = Logger(label: "omniscore.http")
        logger.logLevel = .notice
        let app = WorkspaceApplication.build(client: client, configuration: .init(host: host, port: port), logger: logger) {
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return String(decoding: buffer, as: UTF8.self)
        }
        try await app.runService()
    }
}
