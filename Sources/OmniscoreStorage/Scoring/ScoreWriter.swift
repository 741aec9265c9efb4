public import OmniscoreCore
import OmniscoreInterchange

/// Writes a batch of scorecards, their criterion results, journey records and quarantined rows in one
/// transaction, and removes the batch from the queue. Keys are (interaction, rubric SHA-256) and conflicts are
/// ignored, so a batch written twice (a lease that expired while its worker was slow) never duplicates a score.
public struct ScoreWriter: Sendable {
    public var rubricSHA256: String
    public var runID: Int?

    public init(rubricSHA256: String, runID: Int?) {
        self.rubricSHA256 = rubricSHA256
        self.runID = runID
    }

    /// What one write stored.
    public struct Written: Sendable, Hashable {
        public var scored = 0
        public var notScored = 0
        public var quarantined = 0
    }

    public func write(_ cards: [Scorecard], quarantined: [InteractionStore.Quarantined], finishing ids: [String], worker: String?, on connection: DatabaseConnection) throws -> Written {
        var scores = CopyEncoder(capacity: cards.count * 4096)
        var criteria = CopyEncoder(capacity: cards.count * 2048)
        var journey = CopyEncoder(capacity: cards.count * 256)
        var quarantine = CopyEncoder()
        var written = Written()
        for card in cards {
            scores.field(card.interactionID)
            scores.field(self.rubricSHA256)
            scores.field(card.rubric.id)
            scores.field(card.rubric.version)
            scores.field(self.runID)
            scores.field(card.agentID)
            scores.field(card.customerID)
            scores.field(card.team)
            scores.field(card.channel.rawValue)
            scores.field(ISO8601.format(card.startedAt))
            if let reason = card.notScoredReason {
                written.notScored += 1
                scores.field("not_scored")
                scores.field(reason.rawValue)
                if case .notScored(_, let detail) = card.status { scores.field(detail) } else { scores.field(nil as String?) }
            } else {
                written.scored += 1
                scores.field("scored")
                scores.field(nil as String?)
                scores.field(nil as String?)
            }
            scores.field(card.total)
            scores.field(card.isScored ? card.isPassed : nil)
            scores.field(card.isScored ? card.isAutoFailed : nil)
            scores.field(card.tone?.score)
            scores.field(card.tone?.politeness)
            scores.field(card.tone?.frustration)
            scores.field(card.escalation?.kind.rawValue)
            scores.field(card.isScored ? card.customer?.outcome : nil)
            scores.field(card.isScored ? card.escalationNeed : nil)
            var sections = JSONWriter(capacity: 128)
            sections.beginObject()
            for section in card.sections {
                sections.key(section.id)
                sections.optionalNumber(section.score)
            }
            sections.endObject()
            scores.field(utf8: sections.bytes)
            scores.field(utf8: ScorecardEncoder.encode(card))
            scores.endRow()
            for result in card.criteria {
                criteria.field(card.interactionID)
                criteria.field(self.rubricSHA256)
                criteria.field(result.id)
                criteria.field(result.section)
                criteria.field(result.verdict.rawValue)
                criteria.field(result.points)
                criteria.field(result.maximum)
                criteria.field(result.reason)
                criteria.endRow()
            }
            let record = card.journeyRecord
            journey.field(record.interactionID)
            journey.field(self.rubricSHA256)
            journey.field(record.customerID)
            journey.field(record.channel.rawValue)
            journey.field(ISO8601.format(record.startedAt))
            journey.field(array: record.subjectWords)
            journey.field(array: record.issueKeys)
            journey.field(array: record.providedInfo.map(\.rawValue).sorted())
            journey.field(record.agentWarmth)
            journey.field(record.wasEscalated)
            journey.endRow()
        }
        for item in quarantined {
            written.quarantined += 1
            quarantine.field(item.interactionID)
            quarantine.field(self.rubricSHA256)
            quarantine.field(self.runID)
            quarantine.field(item.code)
            quarantine.field(item.field)
            quarantine.field(item.reason)
            quarantine.endRow()
        }
        try connection.transaction {
            try connection.executeScript("""
                CREATE TEMP TABLE IF NOT EXISTS omniscore_stage_scores (LIKE omniscore.scores INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;
                CREATE TEMP TABLE IF NOT EXISTS omniscore_stage_criteria (LIKE omniscore.criterion_results) ON COMMIT DELETE ROWS;
                CREATE TEMP TABLE IF NOT EXISTS omniscore_stage_journey (LIKE omniscore.journey INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;
                CREATE TEMP TABLE IF NOT EXISTS omniscore_stage_quarantine (interaction_id text, rubric_sha256 text, run_id bigint,
                    code text, field text, reason text) ON COMMIT DELETE ROWS;
                """)
            if !cards.isEmpty {
                let inserted = try self.insertScores(scores: scores.bytes, criteria: criteria.bytes, on: connection)
                try RollupDelta(cards.lazy.filter { inserted?.contains($0.interactionID) ?? true }).write(rubricSHA256: self.rubricSHA256, on: connection)
                try connection.copyIn("""
                    COPY omniscore_stage_journey (interaction_id, rubric_sha256, customer_id, channel, started_at, subject_words,
                        issue_keys, provided_info, agent_warmth, was_escalated) FROM STDIN
                    """, data: journey.bytes)
                try connection.execute("INSERT INTO omniscore.journey SELECT * FROM omniscore_stage_journey ON CONFLICT DO NOTHING")
            }
            if !quarantined.isEmpty {
                try connection.copyIn("COPY omniscore_stage_quarantine FROM STDIN", data: quarantine.bytes)
                try connection.execute("""
                    INSERT INTO omniscore.quarantine (interaction_id, rubric_sha256, run_id, code, field, reason)
                    SELECT interaction_id, rubric_sha256, run_id, code, field, reason FROM omniscore_stage_quarantine
                    ON CONFLICT DO NOTHING
                    """)
            }
            try connection.execute("DELETE FROM omniscore.work_queue WHERE rubric_sha256 = \(self.rubricSHA256) AND interaction_id = ANY(\(ids)::text[])")
        }
        return written
    }

    static let scoreColumns = """
        interaction_id, rubric_sha256, rubric_id, rubric_version, run_id, agent_id, customer_id, team, channel, started_at, status,
        not_scored_reason, not_scored_detail, total, passed, auto_failed, tone_score, politeness, frustration, escalation,
        customer_outcome, escalation_need, sections, scorecard
        """

    /// Scores and their criterion rows, straight into their tables: one COPY each, inside a savepoint. When a
    /// score is already there (a batch written twice after its lease expired), the savepoint is rolled back and
    /// the batch goes through staging tables, keeping the scores already there and their rows.
    ///
    /// - Returns: the interactions whose scores this call inserted; nil for all of them.
    private func insertScores(scores: [UInt8], criteria: [UInt8], on connection: DatabaseConnection) throws -> Set<String>? {
        do {
            try connection.transaction {
                try connection.copyIn(SQLQuery(unsafeSQL: "COPY omniscore.scores (\(Self.scoreColumns)) FROM STDIN"), data: scores)
                try connection.copyIn("COPY omniscore.criterion_results FROM STDIN", data: criteria)
            }
            return nil
        } catch let error as StorageError where error.sqlState == "23505" {
            try connection.copyIn(SQLQuery(unsafeSQL: "COPY omniscore_stage_scores (\(Self.scoreColumns)) FROM STDIN"), data: scores)
            try connection.copyIn("COPY omniscore_stage_criteria FROM STDIN", data: criteria)
            // Criterion rows only for the scores this batch inserted (a score already there keeps its rows).
            return Set(try connection.execute("""
                WITH inserted AS (
                    INSERT INTO omniscore.scores SELECT * FROM omniscore_stage_scores ON CONFLICT DO NOTHING RETURNING interaction_id
                ),
                criteria AS (
                    INSERT INTO omniscore.criterion_results
                    SELECT c.* FROM omniscore_stage_criteria c WHERE c.interaction_id IN (SELECT interaction_id FROM inserted)
                    ON CONFLICT DO NOTHING
                )
                SELECT interaction_id FROM inserted
                """).values.compactMap { $0[0] })
        }
    }
}
