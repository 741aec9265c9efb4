public import OmniscoreCore

/// The work queue: sampled interactions waiting to be scored with one rubric version. Workers lease batches
/// with `FOR UPDATE SKIP LOCKED`, so several processes on one database never hold the same interaction; a
/// lease that expires (its worker died) is free for the next worker.
public struct WorkQueue: Sendable {
    public var rubricSHA256: String

    public init(rubricSHA256: String) {
        self.rubricSHA256 = rubricSHA256
    }

    /// Chooses interactions by `strategy` among those in [since, until) not yet scored with this rubric version,
    /// records each choice in `omniscore.samples`, and queues them.
    ///
    /// - Returns: how many were queued.
    @discardableResult
    public func enqueue(runID: Int, strategy: SamplingStrategy, seed: UInt64, since: Timestamp?, until: Timestamp?, on connection: DatabaseConnection) throws -> Int {
        let seedValue = Int64(bitPattern: seed)
        // Seeded, stable pseudo-random order: the same seed chooses the same interactions on any machine.
        let hash = "hashtextextended(i.id, \(seedValue))"
        let chosen: String
        switch strategy {
        case .all:
            chosen = "SELECT id, started_at, 0 AS priority, 'all interactions' AS reason FROM candidates"
        case .random(let rate):
            let threshold = Int((rate * 1_000_000).rounded())
            chosen = """
                SELECT id, started_at, 0, 'random \(Self.percent(rate)) (seed \(seed))' FROM candidates
                WHERE (h & 9223372036854775807) % 1000000 < \(threshold)
                """
        case .perAgent(let count, let period):
            chosen = """
                SELECT id, started_at, 0, 'random ' || rank || ' of ' || total || ' for agent ' || coalesce(agent_id, '(none)') || ' in the \(period.rawValue) of ' || to_char(bucket, 'YYYY-MM-DD') || ' (seed \(seed))'
                FROM (SELECT *, date_trunc('\(period.rawValue)', started_at) AS bucket,
                             row_number() OVER (PARTITION BY agent_id, date_trunc('\(period.rawValue)', started_at) ORDER BY h, id) AS rank,
                             count(*) OVER (PARTITION BY agent_id, date_trunc('\(period.rawValue)', started_at)) AS total
                      FROM candidates) ranked
                WHERE rank <= \(count)
                """
        case .stratified(let stratum, let count):
            chosen = """
                SELECT id, started_at, 0, 'stratified by \(stratum.rawValue): ' || rank || ' of ' || total || ' in ' || coalesce(nullif(stratum, ''), '(none)') || ' (seed \(seed))'
                FROM (SELECT *, row_number() OVER (PARTITION BY stratum ORDER BY h, id) AS rank, count(*) OVER (PARTITION BY stratum) AS total
                      FROM candidates) ranked
                WHERE rank <= \(count)
                """
        case .riskFirst(let count):
            chosen = """
                SELECT id, started_at, risk, 'risk ' || risk || ': ' || array_to_string(array_remove(ARRAY[
                           CASE WHEN escalated THEN 'escalated' END, CASE WHEN repeat_contact THEN 'repeat contact' END,
                           CASE WHEN angry THEN 'negative customer tone' END, CASE WHEN long_handling THEN 'long handling time' END], NULL), ', ')
                FROM (SELECT *, (CASE WHEN escalated THEN 4 ELSE 0 END + CASE WHEN repeat_contact THEN 3 ELSE 0 END
                                 + CASE WHEN angry THEN 2 ELSE 0 END + CASE WHEN long_handling THEN 1 ELSE 0 END) AS risk
                      FROM (SELECT c.*,
                                EXISTS (SELECT 1 FROM interaction_events e WHERE e.interaction_id = c.id AND lower(e.kind) = 'escalated') AS escalated,
                                EXISTS (SELECT 1 FROM interactions p WHERE p.customer_id = c.customer_id AND p.id <> c.id
                                        AND p.started_at < c.started_at AND p.started_at >= c.started_at - interval '7 days') AS repeat_contact,
                                EXISTS (SELECT 1 FROM messages m WHERE m.interaction_id = c.id AND lower(m.role) = 'customer'
                                        AND m.text ~* '(unacceptable|ridiculous|furious|angry|complain|disgust|worst|useless|!!)') AS angry,
                                coalesce(c.ended_at - c.started_at > interval '30 minutes', false) AS long_handling
                            FROM candidates c) flags) scored
                ORDER BY risk DESC, h, id
                LIMIT \(count)
                """
        }
        let stratum = {
            if case .stratified(let stratum, _) = strategy { return stratum.column }
            return "''"
        }()
        // Only identifiers and numbers from Swift enums and integers are spliced in; values are bound. The choice
        // is materialised first: one statement that both chooses and inserts into the queue it reads from plans
        // badly on a large hub table (minutes instead of seconds for a million rows).
        let choose = """
            CREATE TEMP TABLE omniscore_chosen ON COMMIT DROP AS
            WITH candidates AS (
                SELECT i.id, i.started_at, i.ended_at, i.customer_id, i.agent_id, \(hash) AS h, \(stratum) AS stratum
                FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id
                WHERE coalesce(i.status, 'closed') <> 'open'
                  AND ($1::timestamptz IS NULL OR i.started_at >= $1::timestamptz)
                  AND ($2::timestamptz IS NULL OR i.started_at < $2::timestamptz)
                  AND NOT EXISTS (SELECT 1 FROM omniscore.scores s WHERE s.interaction_id = i.id AND s.rubric_sha256 = $3)
                  AND NOT EXISTS (SELECT 1 FROM omniscore.quarantine q WHERE q.interaction_id = i.id AND q.rubric_sha256 = $3)
                  AND NOT EXISTS (SELECT 1 FROM omniscore.work_queue w WHERE w.interaction_id = i.id AND w.rubric_sha256 = $3)
            ),
            chosen (id, started_at, priority, reason) AS (\(chosen))
            SELECT * FROM chosen
            """
        let chooseBinds: [SQLValue] = [
            since.map { ISO8601.format($0) }.sqlValue,
            until.map { ISO8601.format($0) }.sqlValue,
            self.rubricSHA256.sqlValue,
        ]
        let queued = try connection.transaction { () throws -> Int in
            try connection.execute(SQLQuery(unsafeSQL: choose, binds: chooseBinds))
            try connection.execute("""
                INSERT INTO omniscore.samples (run_id, interaction_id, strategy, seed, reason)
                SELECT \(runID), id, \(strategy.name), \(seedValue), reason FROM omniscore_chosen
                ON CONFLICT DO NOTHING
                """)
            return try connection.execute("""
                INSERT INTO omniscore.work_queue (interaction_id, rubric_sha256, run_id, priority, started_at)
                SELECT id, \(self.rubricSHA256), \(runID), priority, started_at FROM omniscore_chosen
                ON CONFLICT DO NOTHING
                """).affected
        }
        // Fresh statistics for the plans of the lease and delete statements that follow.
        if queued > 0 { try connection.execute("ANALYZE omniscore.work_queue") }
        return queued
    }

    static func percent(_ rate: Double) -> String {
        let value = rate * 100
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    /// Leases up to `limit` queued interactions for `worker`, oldest first within priority.
    public func lease(worker: String, limit: Int, duration: Duration, on connection: DatabaseConnection) throws -> [String] {
        let seconds = Int(duration.components.seconds)
        // By ctid: a TID scan whatever the planner believes about the table's size (its statistics lag behind a
        // bulk enqueue, and a join on the key then degrades into a scan of the whole queue per batch).
        return try connection.execute("""
            UPDATE omniscore.work_queue q
            SET leased_by = \(worker), lease_expires_at = now() + make_interval(secs => \(seconds)), attempts = q.attempts + 1
            WHERE q.ctid = ANY(ARRAY(
                SELECT ctid FROM omniscore.work_queue
                WHERE rubric_sha256 = \(self.rubricSHA256) AND (lease_expires_at IS NULL OR lease_expires_at < now())
                ORDER BY priority DESC, started_at, interaction_id
                LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            ))
            RETURNING q.interaction_id, q.started_at
            """).values.sorted { ($0[1] ?? "", $0[0] ?? "") < ($1[1] ?? "", $1[0] ?? "") }.compactMap { $0[0] }
    }

    /// Gives back a worker's unfinished leases (graceful shutdown).
    @discardableResult
    public func release(worker: String, on connection: DatabaseConnection) throws -> Int {
        try connection.execute("""
            UPDATE omniscore.work_queue SET leased_by = NULL, lease_expires_at = NULL
            WHERE rubric_sha256 = \(self.rubricSHA256) AND leased_by = \(worker)
            """).affected
    }

    /// Queued rows for this rubric version (leased or not).
    public func depth(on connection: DatabaseConnection) throws -> Int {
        try connection.execute("SELECT count(*) FROM omniscore.work_queue WHERE rubric_sha256 = \(self.rubricSHA256)").rows.first?.int(0) ?? 0
    }
}
