import ServiceLifecycle
import Synchronization

/// A loop of `serve` (scoring; coaching reports and deliveries) as a swift-service-lifecycle service: on graceful
/// shutdown (SIGTERM, Ctrl-C) the loop's `shouldStop` turns true, so workers finish or release the batch in hand
/// and the loop returns; the HTTP server of the same service group stops accepting requests at the same time.
struct LoopService: Service {
    let loop: @Sendable (_ shouldStop: @escaping @Sendable () -> Bool) async throws -> Void

    func run() async throws {
        let stop = StopFlag()
        try await withGracefulShutdownHandler {
            try await self.loop { stop.isSet }
        } onGracefulShutdown: {
            stop.set()
        }
    }

    final class StopFlag: Sendable {
        private let flag = Atomic<Bool>(false)
        var isSet: Bool { self.flag.load(ordering: .relaxed) }
        func set() { self.flag.store(true, ordering: .relaxed) }
    }
}
