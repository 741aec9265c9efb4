import Foundation

/// Delivers due outbox rows to the sink. A row is leased (its next attempt pushed ahead) before the POST, marked
/// delivered after a 2xx, and otherwise retried with exponential backoff; the idempotency key lets the receiver
/// drop a repeat if the mark was lost after a successful POST.
public struct OutboxDelivery: Sendable {
    public var sink: WebhookSink
    /// First retry after this; doubles per attempt, at most `maximumBackoff`.
    public var initialBackoff: Duration
    public var maximumBackoff: Duration

    public init(sink: WebhookSink, initialBackoff: Duration = .seconds(5), maximumBackoff: Duration = .seconds(3600)) {
        self.sink = sink
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
    }

    public struct Outcome: Sendable, Hashable {
        public var delivered = 0
        public var failed = 0
        public var pending = 0
    }

    /// One pass over the due rows (up to `limit`).
    public func deliverDue(client: DatabaseClient, limit: Int = 100) async throws -> Outcome {
        let lease = Int(self.sink.timeout.components.seconds) * 3 + 30
        let due = try await client.withConnection { connection in
            try connection.execute("""
                UPDATE omniscore.outbox o SET next_attempt_at = now() + make_interval(secs => \(lease))
                FROM (SELECT id FROM omniscore.outbox WHERE delivered_at IS NULL AND next_attempt_at <= now()
                      ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED) d
                WHERE o.id = d.id
                RETURNING o.id, o.idempotency_key, o.payload::text, o.attempts
                """).rows
        }
        var outcome = Outcome()
        for row in due.sorted(by: { ($0.int(0) ?? 0) < ($1.int(0) ?? 0) }) {
            let id = row.int(0) ?? 0
            let attempts = (row.int(3) ?? 0) + 1
            let result = await self.sink.post(Array((row[2] ?? "{}").utf8), idempotencyKey: row[1] ?? "")
            switch result {
            case .delivered(let status):
                outcome.delivered += 1
                try await client.withConnection { connection in
                    try connection.execute("""
                        UPDATE omniscore.outbox SET delivered_at = now(), attempts = \(attempts), last_status = \(status), last_error = NULL
                        WHERE id = \(id)
                        """)
                }
            case .failed(let status, let reason):
                outcome.failed += 1
                let backoff = min(self.maximumBackoff, self.initialBackoff * (1 << min(attempts - 1, 20)))
                let milliseconds = Int(backoff.components.seconds) * 1000 + Int(backoff.components.attoseconds / 1_000_000_000_000_000)
                try await client.withConnection { connection in
                    try connection.execute("""
                        UPDATE omniscore.outbox SET attempts = \(attempts), last_status = \(status), last_error = \(reason),
                            next_attempt_at = now() + make_interval(secs => \(Double(milliseconds) / 1000))
                        WHERE id = \(id)
                        """)
                }
            }
        }
        outcome.pending = try await client.withConnection { connection in
            try connection.execute("SELECT count(*) FROM omniscore.outbox WHERE delivered_at IS NULL").rows.first?.int(0) ?? 0
        }
        return outcome
    }
}
