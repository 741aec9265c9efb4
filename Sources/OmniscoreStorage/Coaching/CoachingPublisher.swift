public import OmniscoreCore
import OmniscoreInterchange

/// Stores reports in the history table, writes each agent's compact summary under one key of the hub's
/// `agents.profile` (one UPDATE per batch, `profile || {key: summary}`, so the platform's other keys are never
/// touched), and queues the deliveries for the HTTP sink, all in one transaction.
public struct CoachingPublisher: Sendable {
    /// The profile key Omniscore owns.
    public static let profileKey = "omniscore_quality"

    public struct Outcome: Sendable, Hashable {
        public var stored = 0
        public var profilesUpdated = 0
        /// Agents whose profile is not a JSON object (an array, a string): left as they are.
        public var profilesSkipped: [String] = []
        /// Agents not in the agents table.
        public var unknownAgents: [String] = []
        public var queued = 0
    }

    public var queueDeliveries: Bool

    public init(queueDeliveries: Bool = false) {
        self.queueDeliveries = queueDeliveries
    }

    public func publish(_ reports: [CoachingReport], on connection: DatabaseConnection) throws -> Outcome {
        var stage = CopyEncoder(capacity: reports.count * 2048)
        for report in reports {
            stage.field(report.id)
            stage.field(report.agentID)
            stage.field(report.period)
            stage.field(report.rubricSHA256)
            stage.field(report.interactions)
            stage.field(report.overall)
            stage.field(report.profileSummary())
            stage.field(report.json())
            stage.endRow()
        }
        return try connection.transaction {
            try connection.executeScript("""
                CREATE TEMP TABLE omniscore_stage_reports (id text, agent_id text, period text, rubric_sha256 text,
                    interactions integer, overall double precision, summary jsonb, report jsonb) ON COMMIT DROP;
                """)
            try connection.copyIn("COPY omniscore_stage_reports FROM STDIN", data: stage.bytes)
            var outcome = Outcome()
            outcome.stored = try connection.execute("""
                INSERT INTO omniscore.coaching_reports (id, agent_id, period, rubric_sha256, interactions, overall, summary, report)
                SELECT id, agent_id, period, rubric_sha256, interactions, overall, summary, report FROM omniscore_stage_reports
                ON CONFLICT (id) DO UPDATE SET interactions = EXCLUDED.interactions, overall = EXCLUDED.overall,
                    summary = EXCLUDED.summary, report = EXCLUDED.report, created_at = now()
                """).affected
            // One statement: the row lock makes read-modify-write of the profile atomic against the platform's
            // own updates, and `||` keeps every other key.
            outcome.profilesUpdated = try connection.execute("""
                UPDATE agents a
                SET profile = coalesce(CASE WHEN jsonb_typeof(a.profile) = 'object' THEN a.profile END, '{}'::jsonb)
                              || jsonb_build_object(\(Self.profileKey)::text, r.summary)
                FROM omniscore_stage_reports r
                WHERE a.id = r.agent_id AND (a.profile IS NULL OR jsonb_typeof(a.profile) IN ('object', 'null'))
                """).affected
            outcome.profilesSkipped = try connection.execute("""
                SELECT a.id FROM agents a JOIN omniscore_stage_reports r ON r.agent_id = a.id
                WHERE a.profile IS NOT NULL AND jsonb_typeof(a.profile) NOT IN ('object', 'null') ORDER BY 1
                """).rows.compactMap { $0[0] }
            outcome.unknownAgents = try connection.execute("""
                SELECT r.agent_id FROM omniscore_stage_reports r WHERE NOT EXISTS (SELECT 1 FROM agents a WHERE a.id = r.agent_id) ORDER BY 1
                """).rows.compactMap { $0[0] }
            if self.queueDeliveries {
                // A report re-published with the same content is not delivered again; changed content is.
                outcome.queued = try connection.execute("""
                    INSERT INTO omniscore.outbox (kind, idempotency_key, payload)
                    SELECT kind, key, payload FROM (
                        SELECT 'profile_summary' AS kind, 'profile:' || id || ':' || md5(summary::text) AS key,
                               jsonb_build_object('agent_id', agent_id, \(Self.profileKey)::text, summary) AS payload
                        FROM omniscore_stage_reports
                        UNION ALL
                        SELECT 'report_ready', 'report:' || id || ':' || md5(report::text),
                               jsonb_build_object('event', 'report_ready', 'report_id', id, 'agent_id', agent_id, 'period', period)
                        FROM omniscore_stage_reports
                    ) deliveries
                    ON CONFLICT (idempotency_key) DO NOTHING
                    """).affected
            }
            return outcome
        }
    }
}
