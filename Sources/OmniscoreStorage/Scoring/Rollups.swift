/// The dashboard's monthly rollups (migration 5): sums of scores, section scores and criterion verdicts per
/// rubric version, month, channel and team, in shards (the writing connection's backend pid modulo 64) so
/// concurrent workers do not wait for each other's rollup rows; readers sum over the shards. `ScoreWriter` adds each batch's new scores in the batch's own
/// transaction; `rebuild` recomputes them from the stored scores (after the migration, or after rows were
/// written by other means).
public struct Rollups: Sendable {
    public init() {}

    /// The shard of the writing connection.
    static let shard = "(pg_backend_pid() % 64)::smallint"

    /// Statements that add the scores in relation `scores` (and their criterion rows in `criteria`) to the
    /// rollups. Keys are inserted in order, so writers that share a shard lock its rows in the same order.
    static func addition(scores: String, criteria: String) -> [String] {
        let keys = "s.rubric_sha256, date_trunc('month', s.started_at AT TIME ZONE 'UTC')::date, s.channel, coalesce(s.team, ''), \(shard)"
        return [
            """
            INSERT INTO omniscore.rollup_scores AS r
            SELECT \(keys), s.status, coalesce(s.not_scored_reason, ''), count(*), count(*) FILTER (WHERE s.passed),
                   count(*) FILTER (WHERE s.auto_failed), coalesce(sum(s.total), 0), count(s.total)
            FROM \(scores) s GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT (rubric_sha256, month, channel, team, shard, status, not_scored_reason) DO UPDATE SET
                interactions = r.interactions + EXCLUDED.interactions, passed = r.passed + EXCLUDED.passed,
                auto_failed = r.auto_failed + EXCLUDED.auto_failed, total_sum = r.total_sum + EXCLUDED.total_sum,
                total_count = r.total_count + EXCLUDED.total_count
            """,
            """
            INSERT INTO omniscore.rollup_sections AS r
            SELECT \(keys), section.key, sum(section.value::float8), count(*)
            FROM \(scores) s, jsonb_each_text(s.sections) AS section
            WHERE s.status = 'scored' AND section.value IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (rubric_sha256, month, channel, team, shard, section_id) DO UPDATE SET
                score_sum = r.score_sum + EXCLUDED.score_sum, score_count = r.score_count + EXCLUDED.score_count
            """,
            """
            INSERT INTO omniscore.rollup_criteria AS r
            SELECT \(keys), c.criterion_id, count(*) FILTER (WHERE c.verdict = 'pass'), count(*) FILTER (WHERE c.verdict = 'fail'),
                   count(*) FILTER (WHERE c.verdict = 'na')
            FROM \(criteria) c JOIN \(scores) s ON s.interaction_id = c.interaction_id AND s.rubric_sha256 = c.rubric_sha256
            GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (rubric_sha256, month, channel, team, shard, criterion_id) DO UPDATE SET
                passes = r.passes + EXCLUDED.passes, fails = r.fails + EXCLUDED.fails, not_applicable = r.not_applicable + EXCLUDED.not_applicable
            """,
        ]
    }

    /// Recomputes the rollups of one rubric version (every version when `sha256` is nil) from the stored scores,
    /// in one transaction.
    public func rebuild(sha256: String?, on connection: DatabaseConnection) throws {
        try connection.transaction {
            for table in ["rollup_scores", "rollup_sections", "rollup_criteria"] {
                try connection.execute(SQLQuery(unsafeSQL: "DELETE FROM omniscore.\(table) WHERE $1::text IS NULL OR rubric_sha256 = $1", binds: [sha256.sqlValue]))
            }
            let scores = "(SELECT * FROM omniscore.scores WHERE $1::text IS NULL OR rubric_sha256 = $1)"
            let criteria = "(SELECT * FROM omniscore.criterion_results WHERE $1::text IS NULL OR rubric_sha256 = $1)"
            for statement in Self.addition(scores: scores, criteria: criteria) {
                try connection.execute(SQLQuery(unsafeSQL: statement, binds: [sha256.sqlValue]))
            }
        }
    }
}
