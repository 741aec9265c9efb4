import Foundation
public import OmniscoreCore

/// A scoring run: registers the rubric version, samples and queues interactions, scores them with one or more
/// workers and records the run's counts. `omniscore run --once`, `rescore` and the demo use it.
public struct ScoringRun: Sendable {
    public struct Options: Sendable {
        public var kind: String
        public var strategy: SamplingStrategy
        public var seed: UInt64
        public var since: Timestamp?
        public var until: Timestamp?
        public var workers: Int
        public var batchSize: Int
        /// How long a leased batch stays reserved: a worker that dies mid-batch holds it this long at most.
        public var leaseDuration: Duration
        /// Keep the run's row when it finds nothing new to sample (a command the user ran gets its record and id);
        /// a polling service's empty rounds leave none.
        public var keepEmptyRun: Bool

        public init(kind: String = "run", strategy: SamplingStrategy = .all, seed: UInt64 = 0, since: Timestamp? = nil, until: Timestamp? = nil, workers: Int = 2, batchSize: Int = 500, leaseDuration: Duration = .seconds(300), keepEmptyRun: Bool = true) {
            self.kind = kind
            self.strategy = strategy
            self.seed = seed
            self.since = since
            self.until = until
            self.workers = workers
            self.batchSize = batchSize
            self.leaseDuration = leaseDuration
            self.keepEmptyRun = keepEmptyRun
        }
    }

    public struct Summary: Sendable, Hashable {
        public var runID: Int
        public var sampled: Int
        public var totals: ScoringWorker.Totals
        /// Interactions this run sampled that are still queued and nobody is working on (stopped early).
        public var queueLeft: Int
        /// Interactions this run sampled that another process's workers hold a live lease on (they finish them).
        public var inOtherHands: Int = 0

        /// `finished`, `handed over` (the rest is being scored by another process) or `stopped`.
        public var status: String {
            self.queueLeft > 0 ? "stopped" : (self.inOtherHands > 0 ? "handed over" : "finished")
        }

        /// "run 3: sampled 226, scored 214, not_scored 10, quarantined 2".
        public var description: String {
            "run \(self.runID): sampled \(self.sampled), scored \(self.totals.scored), not_scored \(self.totals.notScored), quarantined \(self.totals.quarantined)"
                + (self.queueLeft > 0 ? ", left in queue \(self.queueLeft)" : "")
                + (self.inOtherHands > 0 ? ", \(self.inOtherHands) being scored by another process" : "")
        }
    }

    public var client: DatabaseClient
    public var scorer: Scorer
    /// The rubric's source XML, stored with its version.
    public var rubricSource: String

    public init(client: DatabaseClient, scorer: Scorer, rubricSource: String) {
        self.client = client
        self.scorer = scorer
        self.rubricSource = rubricSource
    }

    /// Stores the rubric version (once per SHA-256).
    public static func register(_ rubric: Rubric, source: String, on connection: DatabaseConnection) throws {
        try connection.execute("""
            INSERT INTO omniscore.rubric_versions (sha256, rubric_id, version, title, source)
            VALUES (\(rubric.sha256), \(rubric.id), \(rubric.version), \(rubric.title), \(source))
            ON CONFLICT (sha256) DO NOTHING
            """)
    }

    /// Samples, queues and scores; returns when the queue for this rubric version is empty.
    public func run(_ options: Options, workerName: String = ScoringRun.defaultWorkerName(), shouldStop: @escaping @Sendable () -> Bool = { false }) async throws -> Summary {
        let rubric = self.scorer.rubric
        let source = self.rubricSource
        // Setup and the closing update are retried like the workers' batches, so a restart of the database at any
        // moment of a run is survived; setup is one transaction, so a retry never leaves half a run behind.
        let retry = RetryPolicy()
        let (runID, sampled) = try await retry.run { try await self.client.withTransaction { connection in
            try Self.register(rubric, source: source, on: connection)
            let runID = try connection.execute("""
                INSERT INTO omniscore.runs (kind, rubric_sha256, strategy, seed, since, until)
                VALUES (\(options.kind), \(rubric.sha256), \(options.strategy.name), \(Int64(bitPattern: options.seed)),
                        \(options.since.map(ISO8601.format))::timestamptz, \(options.until.map(ISO8601.format))::timestamptz)
                RETURNING id
                """).rows.first?.int(0) ?? 0
            let sampled = try WorkQueue(rubricSHA256: rubric.sha256).enqueue(runID: runID, strategy: options.strategy, seed: options.seed, since: options.since, until: options.until, on: connection)
            if sampled == 0 && !options.keepEmptyRun {
                // Nothing new: a polling service would otherwise leave an empty run row every round.
                try connection.execute("DELETE FROM omniscore.runs WHERE id = \(runID)")
                return (0, 0)
            }
            return (runID, sampled)
        } }
        // Left-over leases of a worker that died are picked up here too, once they expire.
        let totals = try await self.work(workers: options.workers, batchSize: options.batchSize, leaseDuration: options.leaseDuration, runID: runID == 0 ? nil : runID, workerName: workerName, shouldStop: shouldStop)
        // What is left of this run's own sample: rows nobody holds (stopped early), and rows another process's
        // workers hold a live lease on (a second `run` that joined in; it finishes them).
        let (left, elsewhere) = try await retry.run { try await self.client.withConnection { connection in
            guard runID != 0 else { return (0, 0) }
            let row = try connection.execute("""
                SELECT count(*) FILTER (WHERE leased_by IS NULL OR lease_expires_at < now()),
                       count(*) FILTER (WHERE leased_by IS NOT NULL AND lease_expires_at >= now())
                FROM omniscore.work_queue WHERE rubric_sha256 = \(rubric.sha256) AND run_id = \(runID)
                """).rows.first
            let summary = Summary(runID: runID, sampled: sampled, totals: totals, queueLeft: row?.int(0) ?? 0, inOtherHands: row?.int(1) ?? 0)
            try connection.execute("""
                UPDATE omniscore.runs SET finished_at = now(), sampled = \(sampled), scored = \(totals.scored),
                    not_scored = \(totals.notScored), quarantined = \(totals.quarantined), status = \(summary.status)
                WHERE id = \(runID)
                """)
            return (summary.queueLeft, summary.inOtherHands)
        } }
        return Summary(runID: runID, sampled: sampled, totals: totals, queueLeft: left, inOtherHands: elsewhere)
    }

    /// Runs `workers` workers on threads of their own until the queue is empty.
    public func work(workers: Int, batchSize: Int, leaseDuration: Duration = .seconds(300), runID: Int?, workerName: String = ScoringRun.defaultWorkerName(), shouldStop: @escaping @Sendable () -> Bool = { false }) async throws -> ScoringWorker.Totals {
        let scorer = self.scorer
        let client = self.client
        return try await withThrowingTaskGroup(of: ScoringWorker.Totals.self) { group in
            for index in 0..<max(1, workers) {
                let worker = ScoringWorker(name: "\(workerName)/\(index)", scorer: scorer, batchSize: batchSize, leaseDuration: leaseDuration, runID: runID)
                group.addTask {
                    try await Self.onOwnThread { try worker.run(client: client, shouldStop: shouldStop) }
                }
            }
            var totals = ScoringWorker.Totals()
            for try await part in group { totals = totals + part }
            return totals
        }
    }

    /// Runs blocking work on a new thread (workers hold a CPU for a long time; the cooperative pool must not).
    public static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// host:pid, so leases say who holds them.
    public static func defaultWorkerName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }
}
