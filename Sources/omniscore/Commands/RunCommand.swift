import ArgumentParser
import Logging
import OmniscoreCore
import OmniscoreRubrics
import OmniscoreStorage

/// `omniscore run`: score what is pending in the database.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Sample and score the interactions in the database that have no score for this rubric version.",
        discussion: """
            With --once, scores everything pending and exits with a summary. Without it, keeps going: new or \
            closed interactions arrive through LISTEN/NOTIFY (the trigger installed by `omniscore migrate`), with \
            polling as a fallback; Ctrl-C or SIGTERM finishes or releases the batch in hand. Several processes may \
            run on one database: leases keep them from scoring the same interaction at once.
            Strategies: all (default), random:RATE (0-1), per-agent:N/day|week|month, stratified:channel|team|agent:N, \
            risk-first:N.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scoring: ScoringOptions

    @Flag(help: "Score what is pending, then exit.")
    var once = false

    @Option(help: "Seconds between polls when no notification arrives (without --once).")
    var pollInterval = 10

    func run() async throws {
        let signal = ShutdownSignal()
        let client = self.database.client()
        let (run, options) = try await self.scoring.prepare(client: client, kind: "run", keepEmptyRun: self.once)
        let logger = Logger(label: "omniscore.run")
        // Without --once this is a service: a database restart is waited out, never the end of it. With --once the
        // workers' own retries (about 35 s of backoff) decide.
        let retry = self.once ? RetryPolicy(retries: 0) : RetryPolicy.forever
        try await withStorageErrors {
            repeat {
                let stopped = try await retry.run(onRetry: { logger.warning("database unavailable; retrying", metadata: ["error": "\($0.code)"]) }) {
                    let summary = try await run.run(options, shouldStop: { signal.isRequested })
                    if self.once || summary.sampled > 0 { print(summary.description) }
                    if self.once || signal.isRequested { return true }
                    try await client.withConnection { connection in
                        try connection.execute("LISTEN omniscore_interactions")
                        defer { _ = try? connection.execute("UNLISTEN omniscore_interactions") }
                        _ = try connection.notifications(waitingUpTo: .seconds(self.pollInterval))
                    }
                    return false
                }
                if stopped { break }
            } while !signal.isRequested
        }
    }
}

/// `omniscore rescore`: score history again with a new rubric version.
struct RescoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Score past interactions with a (new) rubric version; scores of earlier versions stay, tied to their version."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scoring: ScoringOptions

    func run() async throws {
        let signal = ShutdownSignal()
        let (run, options) = try await self.scoring.prepare(client: self.database.client(), kind: "rescore")
        try await withStorageErrors {
            print(try await run.run(options, shouldStop: { signal.isRequested }).description)
        }
    }
}

/// Options shared by `run` and `rescore`.
struct ScoringOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Rubric file, or the id of a rubric in Rubrics/.")
    var rubric: String = RubricFiles.defaultRubric

    @Option(help: "Only interactions started at or after this date or date-time.")
    var since: String?

    @Option(help: "Only interactions started before this date or date-time.")
    var until: String?

    @Option(help: "Sampling strategy (see above).")
    var strategy = "all"

    @Option(help: "Seed for the sampling strategies (the same seed chooses the same interactions).")
    var seed: UInt64 = 0

    @Option(help: "Worker threads in this process.")
    var workers = 2

    @Option(help: "Interactions per leased batch.")
    var batchSize = 500

    @Option(help: "Seconds a leased batch stays reserved; the batch of a worker that died is scored by another after this.")
    var leaseSeconds = 300

    func validate() throws {
        guard SamplingStrategy(name: self.strategy) != nil else {
            throw ValidationError("--strategy \"\(self.strategy)\" is not one of all, random:RATE, per-agent:N/day|week|month, stratified:channel|team|agent:N, risk-first:N")
        }
        guard self.workers >= 1, self.batchSize >= 1, self.leaseSeconds >= 1 else { throw ValidationError("--workers, --batch-size and --lease-seconds must be at least 1") }
    }

    /// `keepEmptyRun`: whether a round that finds nothing new still gets its `runs` row (a command run once does;
    /// a service's polling rounds do not).
    func prepare(client: DatabaseClient, kind: String, keepEmptyRun: Bool = true) async throws -> (ScoringRun, ScoringRun.Options) {
        let (loaded, source) = try loadRubricWithSource(self.rubric)
        let scorer = loaded.scorer
        try await withStorageErrors { try await requireCurrentSchema(client) }
        let options = ScoringRun.Options(
            kind: kind,
            strategy: SamplingStrategy(name: self.strategy)!,
            seed: self.seed,
            since: try parseTimestamp(self.since, option: "--since"),
            until: try parseTimestamp(self.until, option: "--until"),
            workers: self.workers,
            batchSize: self.batchSize,
            leaseDuration: .seconds(self.leaseSeconds),
            keepEmptyRun: keepEmptyRun
        )
        return (ScoringRun(client: client, scorer: scorer, rubricSource: source), options)
    }
}
