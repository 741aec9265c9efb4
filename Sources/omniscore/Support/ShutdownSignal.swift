import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM become a flag that workers poll between batches, so a stop finishes or releases the
/// batch in hand instead of killing it.
final class ShutdownSignal: Sendable {
    private let requested = Atomic<Bool>(false)
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []  // set once in init, only kept alive

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                if self.requested.exchange(true, ordering: .relaxed) {
                    // A second Ctrl-C: stop now.
                    Glibc.exit(130)
                }
                Console.error("stopping: finishing the current batch (Ctrl-C again to stop at once)")
            }
            source.resume()
            self.sources.append(source)
        }
    }

    var isRequested: Bool { self.requested.load(ordering: .relaxed) }

    /// Waits until a stop is requested.
    func wait() async {
        while !self.isRequested {
            try? await Task.sleep(for: .milliseconds(200))
        }
    }
}
