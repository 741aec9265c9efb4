import Foundation

/// How work that touches the database survives the server going away for a moment (a restart, a failover):
/// transient errors (`StorageError.isTransient`) are retried on a new connection with doubling backoff; any
/// other error is thrown at once. The work retried must be idempotent or transactional.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt.
    public var retries: Int
    public var initialDelay: Duration
    public var maximumDelay: Duration

    public init(retries: Int = 12, initialDelay: Duration = .milliseconds(100), maximumDelay: Duration = .seconds(5)) {
        self.retries = retries
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
    }

    /// For the long-running services (`serve`, `run` without `--once`): a database that is down for minutes is
    /// waited for, every 5 s at most, never given up on.
    public static let forever = RetryPolicy(retries: .max, initialDelay: .milliseconds(100), maximumDelay: .seconds(5))

    /// The blocking form, for threads of their own (workers).
    public func run<T>(onRetry: (StorageError) -> Void = { _ in }, _ body: () throws -> T) throws -> T {
        var delay = self.initialDelay
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as StorageError where error.isTransient && attempt < self.retries {
                attempt += 1
                onRetry(error)
                Thread.sleep(forTimeInterval: Self.seconds(delay))
                delay = min(delay * 2, self.maximumDelay)
            }
        }
    }

    /// The async form: waits without holding a thread.
    public func run<T>(onRetry: (StorageError) -> Void = { _ in }, _ body: () async throws -> T) async throws -> T {
        var delay = self.initialDelay
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let error as StorageError where error.isTransient && attempt < self.retries {
                attempt += 1
                onRetry(error)
                try await Task.sleep(for: delay)
                delay = min(delay * 2, self.maximumDelay)
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
