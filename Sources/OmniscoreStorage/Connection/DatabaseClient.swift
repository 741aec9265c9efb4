import Dispatch
import Synchronization

/// Lends libpq connections to closures that run on the client's own dispatch queue: blocking libpq calls never
/// occupy Swift's cooperative thread pool. Connections are reused; a broken one is dropped and replaced.
public final class DatabaseClient: Sendable {
    public struct Configuration: Sendable {
        /// libpq connection string or `postgresql://` URI; empty uses the `PG*` environment variables.
        public var url: String
        /// Idle connections kept for reuse.
        public var maximumIdleConnections: Int

        public init(url: String, maximumIdleConnections: Int = 4) {
            self.url = url
            self.maximumIdleConnections = maximumIdleConnections
        }
    }

    public let configuration: Configuration
    private let idle = Mutex<[DatabaseConnection]>([])
    private let replaced = Atomic<Int>(0)
    private let queue = DispatchQueue(label: "omniscore.database", attributes: .concurrent)

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    public convenience init(url: String) {
        self.init(configuration: Configuration(url: url))
    }

    /// Runs `body` with a connection of its own, off the cooperative pool.
    @discardableResult
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (DatabaseConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            self.queue.async {
                continuation.resume(with: Result { try self.withConnectionBlocking(body) })
            }
        }
    }

    /// Runs `body` inside a transaction.
    @discardableResult
    public func withTransaction<T: Sendable>(_ body: @escaping @Sendable (DatabaseConnection) throws -> T) async throws -> T {
        try await self.withConnection { connection in try connection.transaction { try body(connection) } }
    }

    /// The blocking form, for code already running on a thread of its own (workers, the CLI's batch loops).
    ///
    /// A pooled connection is checked before it is lent (see `DatabaseConnection.isReusable`); one that still
    /// turns out dead before any statement of `body` completed (the server went away between the check and the
    /// first statement) is replaced and `body` runs again on a fresh connection: nothing of it reached the server.
    public func withConnectionBlocking<T>(_ body: (DatabaseConnection) throws -> T) throws -> T {
        let (connection, pooled) = try self.checkOut()
        let before = connection.completedStatements
        do {
            let value = try body(connection)
            self.checkIn(connection)
            return value
        } catch let error as StorageError where pooled && error.code == .connectionLost && connection.completedStatements == before {
            self.replaced.add(1, ordering: .relaxed)
            let fresh = try DatabaseConnection(url: self.configuration.url)
            let value = try body(fresh)
            self.checkIn(fresh)
            return value
        } catch {
            self.checkIn(connection)
            throw error
        }
    }

    /// An idle connection that is still usable, or a new one; `pooled` says which.
    private func checkOut() throws(StorageError) -> (connection: DatabaseConnection, pooled: Bool) {
        while let connection = self.idle.withLock({ $0.popLast() }) {
            if connection.isReusable { return (connection, true) }
            self.replaced.add(1, ordering: .relaxed)
        }
        return (try DatabaseConnection(url: self.configuration.url), false)
    }

    /// Pooled connections found dead (at check-out, or at the first statement) and replaced by new ones since
    /// the client was made: how often the server went away under idle connections.
    public var replacedConnections: Int { self.replaced.load(ordering: .relaxed) }

    private func checkIn(_ connection: DatabaseConnection) {
        guard connection.isReusable else { return }
        self.idle.withLock { idle in
            if idle.count < self.configuration.maximumIdleConnections { idle.append(connection) }
        }
    }

    /// Closes the idle connections (connections in use close when their closure returns).
    public func close() {
        self.idle.withLock { $0.removeAll() }
    }
}
