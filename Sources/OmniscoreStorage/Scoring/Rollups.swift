/// The dashboard's monthly rollups (migration 5): sums of scores, section scores and criterion verdicts per
/// rubric version, month, channel and team. `ScoreWriter` adds each batch's new scores in the batch's own
/// transaction; `rebuild` recomputes them from the stored scores (after the migration, or after rows were
/// written by other means).
public struct Rollups: Sendable {
    public init() {}

    /// Rows of `source` (a relation or CTE with the columns of `omniscore.scores`) as monthly rollup keys.
    static let keys = "date_trunc('month', started_at AT TIME ZONE 'UTC')::date, channel, coalesce(team, '')"

    /// Statements that add the scores in relation `scores` (and their criterion rows in `criteria`) to the
    /// rollups. Keys are inserted in order, so concurrent writers lock rollup rows in the same order.
    static func addition(scores: String, criteria: String) -> [String] {
        [
            """
            INSERT INTO omniscore.rollup_scores AS r
            SELECT rubric_sha256, \(keys), status, coalesce(not_scored_reason, ''), count(*), count(*) FILTER (WHERE passed),
                   count(*) FILTER (WHERE auto_failed), coalesce(sum(total), 0), count(total)
            FROM \(scores) s GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (rubric_sha256, month, channel, team, status, not_scored_reason) DO UPDATE SET
                interactions = r.interactions + EXCLUDED.interactions, passed = r.passed + EXCLUDED.passed,
                auto_failed = r.auto_failed + EXCLUDED.auto_failed, total_sum = r.total_sum + EXCLUDED.total_sum,
                total_count = r.total_count + EXCLUDED.total_count
            """,
            """
            INSERT INTO omniscore.rollup_sections AS r
            SELECT s.rubric_sha256, date_trunc('month', s.started_at AT TIME ZONE 'UTC')::date, s.channel, coalesce(s.team, ''),
                   section.key, sum(section.value::float8), count(*)
            FROM \(scores) s, jsonb_each_text(s.sections) AS section
            WHERE s.status = 'scored' AND section.value IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (rubric_sha256, month, channel, team, section_id) DO UPDATE SET
                score_sum = r.score_sum + EXCLUDED.score_sum, score_count = r.score_count + EXCLUDED.score_count
            """,
            """
            INSERT INTO omniscore.rollup_criteria AS r
            SELECT s.rubric_sha256, date_trunc('month', s.started_at AT TIME ZONE 'UTC')::date, s.channel, coalesce(s.team, ''),
                   c.criterion_id, count(*) FILTER (WHERE c.verdict = 'pass'), count(*) FILTER (WHERE c.verdict = 'fail'),
                   count(*) FILTER (WHERE c.verdict = 'na')
            FROM \(criteria) c JOIN \(scores) s ON s.interaction_id = c.interaction_id AND s.rubric_sha256 = c.rubric_sha256
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (rubric_sha256, month, channel, team, criterion_id) DO UPDATE SET
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
