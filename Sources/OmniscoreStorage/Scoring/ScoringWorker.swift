import Foundation
import Metrics
public import OmniscoreCore

/// Leases batches from the queue, reads them with their customers' journeys, scores them and writes the results,
/// until the queue for its rubric version is empty. Blocking: run it on a thread of its own (see
/// `ScoringRun`). A lost connection is retried with backoff; the batch is idempotent, so nothing is lost or
/// written twice.
public struct ScoringWorker: Sendable {
    public var name: String
    public var scorer: Scorer
    public var batchSize: Int
    public var leaseDuration: Duration
    public var store: InteractionStore
    public var runID: Int?
    /// Attempts per batch when the database goes away (doubling backoff from 100 ms, at most 5 s).
    public var retries: Int

    public init(name: String, scorer: Scorer, batchSize: Int = 500, leaseDuration: Duration = .seconds(300), store: InteractionStore = InteractionStore(), runID: Int? = nil, retries: Int = 12) {
        self.name = name
        self.scorer = scorer
        self.batchSize = batchSize
        self.leaseDuration = leaseDuration
        self.store = store
        self.runID = runID
        self.retries = retries
    }

    /// Totals of one worker's run.
    public struct Totals: Sendable, Hashable {
        public var scored = 0
        public var notScored = 0
        public var quarantined = 0
        public var batches = 0
        public var reconnects = 0
        /// Where the time went, summed over batches (for `bench --postgres`).
        public var phases = Phases()

        public static func + (a: Totals, b: Totals) -> Totals {
            Totals(scored: a.scored + b.scored, notScored: a.notScored + b.notScored, quarantined: a.quarantined + b.quarantined, batches: a.batches + b.batches, reconnects: a.reconnects + b.reconnects, phases: a.phases + b.phases)
        }
    }

    /// Time spent per phase of a batch.
    public struct Phases: Sendable, Hashable {
        public var lease = Duration.zero
        public var read = Duration.zero
        public var history = Duration.zero
        public var score = Duration.zero
        public var write = Duration.zero
        /// Journey records computed on the spot for earlier interactions not scored yet.
        public var historyComputed = 0

        public static func + (a: Phases, b: Phases) -> Phases {
            Phases(lease: a.lease + b.lease, read: a.read + b.read, history: a.history + b.history, score: a.score + b.score, write: a.write + b.write, historyComputed: a.historyComputed + b.historyComputed)
        }
    }

    /// Works until the queue is empty or `shouldStop` says so; releases its leases when stopped early.
    public func run(client: DatabaseClient, shouldStop: @Sendable () -> Bool = { false }) throws -> Totals {
        var totals = Totals()
        let sha = self.scorer.rubric.sha256
        var interrupted = false
        while !shouldStop() {
            let processed = try self.withRetry(&totals, onFailure: { interrupted = true }) {
                try client.withConnectionBlocking { connection in
                    if interrupted {
                        // The batch that failed mid-way is still leased to this worker: free it, then lease again.
                        try WorkQueue(rubricSHA256: sha).release(worker: self.name, on: connection)
                        interrupted = false
                    }
                    return try self.processBatch(on: connection)
                }
            }
            guard let (processed, phases) = processed else { break }
            totals.phases = totals.phases + phases
            totals.batches += 1
            totals.scored += processed.scored
            totals.notScored += processed.notScored
            totals.quarantined += processed.quarantined
        }
        if shouldStop() {
            _ = try? client.withConnectionBlocking { connection in try WorkQueue(rubricSHA256: sha).release(worker: self.name, on: connection) }
        }
        return totals
    }

    private func withRetry<T>(_ totals: inout Totals, onFailure: () -> Void, _ body: () throws -> T) throws -> T {
        var reconnects = 0
        defer { totals.reconnects += reconnects }
        return try RetryPolicy(retries: self.retries).run(onRetry: { _ in
            reconnects += 1
            onFailure()
        }, body)
    }

    /// One batch: lease, read, score, write. `nil` when nothing was left to lease.
    public func processBatch(on connection: DatabaseConnection) throws -> (ScoreWriter.Written, Phases)? {
        let clock = ContinuousClock()
        var phases = Phases()
        var mark = clock.now
        func lap() -> Duration {
            let now = clock.now
            defer { mark = now }
            return now - mark
        }
        let sha = self.scorer.rubric.sha256
        // Every statement of a batch is a keyed lookup; while tables grow faster than their statistics, the
        // planner must not fall back to scanning them (scores, journey, queue) once per batch.
        try connection.execute("SET enable_seqscan = off")
        defer { _ = try? connection.execute("RESET enable_seqscan") }
        let ids = try WorkQueue(rubricSHA256: sha).lease(worker: self.name, limit: self.batchSize, duration: self.leaseDuration, on: connection)
        phases.lease = lap()
        guard !ids.isEmpty else { return nil }
        let batch = try self.store.read(ids, on: connection)
        let interactions = batch.interactions.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        phases.read = lap()
        var history: [String: [JourneyRecord]] = [:]
        if let first = interactions.first, let last = interactions.last {
            let customers = Array(Set(interactions.map(\.customerID))).sorted()
            let found = try JourneyStore(rubricSHA256: sha).history(
                customers: customers,
                from: first.startedAt - self.scorer.journeyLookback,
                to: last.startedAt,
                excluding: Set(interactions.map(\.id)),
                scorer: self.scorer,
                store: self.store,
                on: connection
            )
            history = found.records
            phases.historyComputed = found.computed
        }
        phases.history = lap()
        var cards: [Scorecard] = []
        cards.reserveCapacity(interactions.count)
        for interaction in interactions {
            let scoreStart = clock.now
            defer { ScoringMetrics.latency.recordNanoseconds(Int64(PostgresDuration.nanoseconds(clock.now - scoreStart))) }
            let earlier = (history[interaction.customerID] ?? []).filter { $0.startedAt < interaction.startedAt || ($0.startedAt == interaction.startedAt && $0.interactionID < interaction.id) }
            let card = self.scorer.score(interaction, history: earlier)
            cards.append(card)
            // Later interactions of the batch see this one as history.
            history[interaction.customerID, default: []].append(card.journeyRecord)
        }
        phases.score = lap()
        let written = try ScoreWriter(rubricSHA256: sha, runID: self.runID).write(cards, quarantined: batch.quarantined, finishing: ids, worker: self.name, on: connection)
        phases.write = lap()
        ScoringMetrics.scored.increment(by: written.scored)
        ScoringMetrics.quarantined.increment(by: written.quarantined)
        for card in cards { if let reason = card.notScoredReason { ScoringMetrics.notScored(reason.rawValue).increment() } }
        return (written, phases)
    }
}

/// Process metrics of the workers (swift-metrics; the executable bootstraps the Prometheus backend).
enum ScoringMetrics {
    static let latency = Timer(label: "omniscore_scoring_duration", preferredDisplayUnit: .milliseconds)
    static let scored = Counter(label: "omniscore_worker_scored_total")
    static let quarantined = Counter(label: "omniscore_worker_quarantined_total")
    static func notScored(_ reason: String) -> Counter {
        Counter(label: "omniscore_worker_not_scored_total", dimensions: [("reason", reason)])
    }
}

enum PostgresDuration {
    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }
}
