import ArgumentParser
import Foundation
import Logging
import OmniscoreCore
import OmniscoreHTTP
import OmniscoreInterchange
import OmniscoreRubrics
import OmniscoreStorage
import ServiceLifecycle
import UnixSignals

/// `omniscore serve`: the long-running service: scores new and closed interactions as they arrive, and produces
/// coaching reports when a period ends.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Keep scoring as interactions arrive (LISTEN/NOTIFY, polling as a fallback) and produce coaching reports at each period's end.",
        discussion: """
            Several serve processes may share one database: leases keep them from scoring the same interaction at \
            once. SIGTERM or Ctrl-C finishes or releases the batch in hand, then exits. When a period (month or week) \
            has ended and no report exists for it yet, serve builds and publishes every agent's report for it \
            (profile summary, history, outbox delivery when --sink-url is set).
            """
    )

    enum Reports: String, ExpressibleByArgument, CaseIterable {
        case monthly, weekly, off
    }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scoring: ScoringOptions

    @Option(help: "Seconds between polls when no notification arrives.")
    var pollInterval = 10

    @Option(help: "Coaching reports at each period's end.")
    var reports: Reports = .monthly

    @Option(help: "Deliver profile summaries and report-ready events to this HTTP endpoint.")
    var sinkURL: String?

    @Option(help: "Name of the environment variable holding the sink's HMAC secret.")
    var sinkSecretEnv = "OMNISCORE_SINK_SECRET"

    @Option(help: "Address of the review workspace (web UI and JSON API).")
    var host = "127.0.0.1"

    @Option(help: "Port of the review workspace; 0 turns the web server off.")
    var port = 8080

    @Option(help: ArgumentHelp("Roles that see customers' personal data unmasked in transcripts, evidence and the API (comma-separated; others see [name], [email], ...).", valueName: "roles"))
    var unmaskedRoles = "admin,qa_lead"

    func validate() throws {
        _ = try self.maskingPolicy()
    }

    func maskingPolicy() throws -> MaskingPolicy {
        var roles: Set<AccessStore.Role> = []
        for name in self.unmaskedRoles.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let role = AccessStore.Role(rawValue: name) else {
                throw ValidationError("--unmasked-roles: \"\(name)\" is not one of \(AccessStore.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            roles.insert(role)
        }
        return MaskingPolicy(unmaskedRoles: roles)
    }

    func run() async throws {
        var logger = Logger(label: "omniscore.serve")
        logger.logLevel = .notice
        let client = self.database.client()
        let (run, options) = try await withStorageErrors { try await self.scoring.prepare(client: client, kind: "serve", keepEmptyRun: false) }
        let scoring = LoopService { shouldStop in try await self.score(client: client, run: run, options: options, shouldStop: shouldStop) }
        // Reports and deliveries on a loop of their own: building a period's reports never holds up scoring.
        let reporting = LoopService { shouldStop in try await self.report(client: client, rubric: run.scorer.rubric, shouldStop: shouldStop) }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: scoring, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup),
            .init(service: reporting, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup),
        ]
        if self.port != 0 {
            Console.error("review workspace on http://\(self.host):\(self.port)/ (sign in with a token from `omniscore users add`)")
            let app = WorkspaceServer.application(client: client, host: self.host, port: self.port, masking: try self.maskingPolicy())
            services.append(.init(service: app, failureTerminationBehavior: .gracefullyShutdownGroup))
        }
        // One service group: SIGTERM or Ctrl-C stops the web server and lets the workers finish their batch.
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        Console.error("stopped")
    }

    /// Coaching reports when a period has ended, and due deliveries to the sink, checked every `pollInterval`.
    private func report(client: DatabaseClient, rubric: Rubric, shouldStop: @escaping @Sendable () -> Bool) async throws {
        let sink = self.sinkURL.flatMap(URL.init(string:)).map { WebhookSink(url: $0, secret: ProcessInfo.processInfo.environment[self.sinkSecretEnv] ?? "") }
        let logger = Logger(label: "omniscore.serve.reports")
        try await withStorageErrors {
            while !shouldStop() {
                // A database restart is waited out (and logged), never the end of the service.
                try await RetryPolicy.forever.run(onRetry: { logger.warning("database unavailable; retrying", metadata: ["error": "\($0.code)"]) }) {
                    try await self.reportEndedPeriod(client: client, rubric: rubric, sink: sink)
                    if let sink { _ = try await OutboxDelivery(sink: sink).deliverDue(client: client) }
                }
                for _ in 0..<max(1, self.pollInterval) where !shouldStop() { try await Task.sleep(for: .seconds(1)) }
            }
        }
    }

    private func score(client: DatabaseClient, run: ScoringRun, options: ScoringRun.Options, shouldStop: @escaping @Sendable () -> Bool) async throws {
        Console.error("serving: rubric \(run.scorer.rubric.id) \(run.scorer.rubric.version); Ctrl-C to stop")
        let logger = Logger(label: "omniscore.serve.scoring")
        try await withStorageErrors {
            while !shouldStop() {
                // Each round (scoring what waits, then listening) outlives any number of database restarts: the
                // workers retry their batch, and a round that still fails is started again once the server is back.
                let stopped = try await RetryPolicy.forever.run(onRetry: { logger.warning("database unavailable; retrying", metadata: ["error": "\($0.code)"]) }) {
                    let summary = try await run.run(options, shouldStop: shouldStop)
                    if summary.sampled > 0 { print(summary.description) }
                    if shouldStop() { return true }
                    // Wait for a notification, or poll; in one-second slices so a stop is noticed within a second.
                    let interval = self.pollInterval
                    try await client.withConnection { connection in
                        try connection.execute("LISTEN omniscore_interactions")
                        defer { _ = try? connection.execute("UNLISTEN omniscore_interactions") }
                        for _ in 0..<max(1, interval) where !shouldStop() {
                            if !(try connection.notifications(waitingUpTo: .seconds(1))).isEmpty { break }
                        }
                    }
                    return false
                }
                if stopped { break }
            }
        }
    }

    /// Reports for the last ended period, once.
    private func reportEndedPeriod(client: DatabaseClient, rubric: Rubric, sink: WebhookSink?) async throws {
        guard self.reports != .off else { return }
        let now = Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000))
        let today = ISO8601.format(now)
        let label: String
        if self.reports == .monthly {
            label = String(today.prefix(7))
        } else {
            // The ISO week of today, from the database's own calendar.
            label = try await client.withConnection { try $0.execute("SELECT to_char(now() AT TIME ZONE 'UTC', 'IYYY-\"W\"IW')").scalar ?? "" }
        }
        guard let current = ReportPeriod(label) else { return }
        let ended = current.previous
        let sha = rubric.sha256
        let done = try await client.withConnection { connection in
            try !connection.execute("SELECT 1 FROM omniscore.coaching_reports WHERE period = \(ended.description) AND rubric_sha256 = \(sha) LIMIT 1").isEmpty
        }
        guard !done else { return }
        let reports = try await CoachingService(client: client, rubric: rubric, period: ended).reports(for: .all)
        guard !reports.isEmpty else { return }
        let outcome = try await client.withConnection { try CoachingPublisher(queueDeliveries: sink != nil).publish(reports, on: $0) }
        print("coaching reports for \(ended): \(outcome.stored) stored, \(outcome.profilesUpdated) profiles updated")
    }
}
