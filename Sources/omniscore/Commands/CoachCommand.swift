import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics
import OmniscoreStorage

/// `omniscore coach`: coaching reports from the stored scores.
struct CoachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Coaching reports per agent from the stored scores, fed back into the shared agent profile.",
        discussion: """
            Reports compare the period with the previous one and the team median, with sample sizes and 95% \
            Wilson intervals, rank the 3 weakest criteria by weight × fail rate with evidence excerpts and the \
            rubric's coaching text, and list strengths, channels, escalation mistakes and the trend. Personal data \
            in excerpts is masked. With --publish the report is kept in omniscore.coaching_reports and its summary \
            is written under the "omniscore_quality" key of agents.profile (other keys untouched); with \
            --sink-url the summary and a report-ready event are queued in the outbox and delivered.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "One agent's id.")
    var agent: String?

    @Option(help: "Every agent of a team.")
    var team: String?

    @Flag(help: "Every agent with scores in the period.")
    var all = false

    @Option(help: "The period: a month (2026-10) or an ISO week (2026-W44).")
    var period: String

    @Option(name: .shortAndLong, help: "The rubric id (its latest stored version) or a rubric file.")
    var rubric: String = RubricFiles.defaultRubric

    @Option(help: "Output format.")
    var format: Format = .md

    @Option(help: "Write here (a file for one agent, a folder for several). Default: standard output.")
    var out: String?

    @Flag(help: "Store the reports and update each agent's profile summary.")
    var publish = false

    @Option(help: "Also deliver the summary and a report-ready event to this HTTP endpoint (implies --publish).")
    var sinkURL: String?

    @Option(help: "Name of the environment variable holding the sink's HMAC secret.")
    var sinkSecretEnv = "OMNISCORE_SINK_SECRET"

    @Option(help: "Below this many interactions a figure is marked too few to judge.")
    var minimumSample = 10

    func validate() throws {
        let selections = [self.agent != nil, self.team != nil, self.all].filter { $0 }.count
        guard selections == 1 else { throw ValidationError("choose exactly one of --agent ID, --team T or --all") }
        guard ReportPeriod(self.period) != nil else {
            throw ValidationError("--period \"\(self.period)\" is not a month (2026-10) or an ISO week (2026-W44)")
        }
        if let sinkURL = self.sinkURL, URL(string: sinkURL)?.scheme?.hasPrefix("http") != true {
            throw ValidationError("--sink-url must be an http:// or https:// URL")
        }
    }

    func run() async throws {
        let client = self.database.client()
        let period = ReportPeriod(self.period)!
        try await withStorageErrors { try await requireCurrentSchema(client) }
        let rubric = try await self.resolveRubric(client: client)
        let selection: CoachingStore.Selection = self.agent.map { .agent($0) } ?? self.team.map { .team($0) } ?? .all
        if case .agent(let id) = selection {
            let known = try await withStorageErrors { try await client.withConnection { try !$0.execute("SELECT 1 FROM agents WHERE id = \(id)").isEmpty } }
            guard known else {
                Console.error("error: no agent with id \(id) in the agents table")
                throw ExitCode(ExitStatus.invalidInput)
            }
        }
        let reports = try await withStorageErrors {
            try await CoachingService(client: client, rubric: rubric, period: period, minimumSample: self.minimumSample).reports(for: selection)
        }
        if reports.isEmpty {
            Console.error("no scored interactions for \(self.agent.map { "agent \($0)" } ?? self.team.map { "team \($0)" } ?? "any agent") in \(period) with \(rubric.id) \(rubric.version); nothing to report")
            return
        }
        try self.write(reports)
        if self.publish || self.sinkURL != nil {
            let outcome = try await withStorageErrors {
                try await client.withConnection { try CoachingPublisher(queueDeliveries: self.sinkURL != nil).publish(reports, on: $0) }
            }
            Console.error("published \(outcome.stored) report(s); \(outcome.profilesUpdated) profile(s) updated" + (outcome.queued > 0 ? "; \(outcome.queued) deliveries queued" : ""))
            for agent in outcome.profilesSkipped {
                Console.error("warning: agent \(agent)'s profile is not a JSON object; it was left unchanged (the report is stored)")
            }
            for agent in outcome.unknownAgents { Console.error("warning: agent \(agent) is not in the agents table; no profile to update") }
        }
        if let sinkURL = self.sinkURL {
            let secret = ProcessInfo.processInfo.environment[self.sinkSecretEnv] ?? ""
            if secret.isEmpty { Console.error("warning: $\(self.sinkSecretEnv) is empty; deliveries are signed with an empty secret") }
            let delivery = OutboxDelivery(sink: WebhookSink(url: URL(string: sinkURL)!, secret: secret))
            let outcome = try await withStorageErrors { try await delivery.deliverDue(client: client) }
            Console.error("delivered \(outcome.delivered), failed \(outcome.failed) (retried later with backoff: omniscore outbox deliver), pending \(outcome.pending)")
        }
    }

    private func resolveRubric(client: DatabaseClient) async throws -> Rubric {
        if FileManager.default.fileExists(atPath: self.rubric) {
            return try RubricFiles.load(self.rubric).rubric
        }
        let id = self.rubric
        let source = try await withStorageErrors {
            try await client.withConnection { connection in
                try connection.execute("""
                    SELECT v.source FROM omniscore.rubric_versions v
                    WHERE v.rubric_id = \(id)
                    ORDER BY (SELECT max(s.scored_at) FROM omniscore.scores s WHERE s.rubric_sha256 = v.sha256) DESC NULLS LAST, v.loaded_at DESC
                    LIMIT 1
                    """).scalar
            }
        }
        guard let source else {
            Console.error("error: no version of rubric \(id) has been stored; score with it first (omniscore run --once --rubric \(id))")
            throw ExitCode(ExitStatus.invalidInput)
        }
        return try RubricFiles.load(bytes: Array(source.utf8), file: "\(id) (stored)", printWarnings: false).rubric
    }

    private func render(_ report: CoachingReport) -> String {
        switch self.format {
        case .md: return report.markdown()
        case .html: return report.html()
        case .json: return report.json() + "\n"
        }
    }

    private func write(_ reports: [CoachingReport]) throws {
        guard let out = self.out else {
            for report in reports { print(self.render(report)) }
            return
        }
        if reports.count == 1 && !out.hasSuffix("/") {
            try self.save(self.render(reports[0]), to: out)
            return
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for report in reports {
            let name = report.agentID.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
            try self.save(self.render(report), to: out + "/" + String(name) + "-" + report.period + "." + self.format.rawValue)
        }
        Console.error("wrote \(reports.count) reports to \(out)")
    }

    private func save(_ text: String, to path: String) throws {
        do {
            try FileSaver.save(Array(text.utf8), to: path)
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}

/// `omniscore outbox deliver`: retry pending deliveries.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Deliveries to the HTTP sink.",
        subcommands: [Deliver.self]
    )

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deliver", abstract: "Deliver what is due (with retries and backoff); each row at most once.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The HTTP endpoint.")
        var sinkURL: String

        @Option(help: "Name of the environment variable holding the sink's HMAC secret.")
        var sinkSecretEnv = "OMNISCORE_SINK_SECRET"

        @Option(help: "Seconds before a request counts as failed.")
        var timeout = 10

        func validate() throws {
            guard URL(string: self.sinkURL)?.scheme?.hasPrefix("http") == true else { throw ValidationError("--sink-url must be an http:// or https:// URL") }
        }

        func run() async throws {
            let sink = WebhookSink(url: URL(string: self.sinkURL)!, secret: ProcessInfo.processInfo.environment[self.sinkSecretEnv] ?? "", timeout: .seconds(self.timeout))
            let outcome = try await withStorageErrors { try await OutboxDelivery(sink: sink).deliverDue(client: self.database.client()) }
            print("delivered \(outcome.delivered), failed \(outcome.failed), pending \(outcome.pending)")
        }
    }
}
