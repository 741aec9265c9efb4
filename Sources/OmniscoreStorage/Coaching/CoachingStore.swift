public import OmniscoreCore

/// Reads the figures for coaching reports with set-based aggregations over the stored scores (one statement per
/// kind of figure for all requested agents at once, never a query per agent), and names the customers whose
/// names must be masked in excerpts.
public struct CoachingStore: Sendable {
    public var rubricSHA256: String
    public var rubricID: String
    public var period: ReportPeriod
    /// Periods of trend, the current one included.
    public var trendPeriods: Int

    public init(rubricSHA256: String, rubricID: String, period: ReportPeriod, trendPeriods: Int = 6) {
        self.rubricSHA256 = rubricSHA256
        self.rubricID = rubricID
        self.period = period
        self.trendPeriods = trendPeriods
    }

    /// Which agents a request covers.
    public enum Selection: Sendable {
        case agent(String)
        case team(String)
        case all
    }

    /// The agents of the selection and their teammates (team medians need them), or nil for all agents.
    public func agentScope(_ selection: Selection, on connection: DatabaseConnection) throws -> [String]? {
        switch selection {
        case .all:
            return nil
        case .agent(let id):
            return try connection.execute("""
                SELECT a.id FROM agents a WHERE a.id = \(id)
                   OR a.team = (SELECT team FROM agents WHERE id = \(id) AND team IS NOT NULL)
                """).rows.compactMap { $0[0] }
        case .team(let team):
            return try connection.execute("SELECT id FROM agents WHERE team = \(team)").rows.compactMap { $0[0] }
        }
    }

    /// The aggregated figures (without excerpts) for the agents in `scope` (nil: all).
    public func figures(scope: [String]?, on connection: DatabaseConnection) throws -> CoachingInput {
        var input = CoachingInput()
        let start = ISO8601.format(self.period.start)
        let end = ISO8601.format(self.period.end)
        let previous = ISO8601.format(self.period.previous.start)
        let trendStart = ISO8601.format(self.period.shifted(by: -(self.trendPeriods - 1)).start)
        let all = scope == nil
        let agents = scope ?? []
        let sha = self.rubricSHA256

        for row in try connection.execute("""
            SELECT id, name, team FROM agents WHERE \(all) OR id = ANY(\(agents)::text[])
            """).rows {
            input.agents[row[0]!] = (row[1], row[2])
        }
        for row in try connection.execute("""
            SELECT s.agent_id, c.criterion_id, s.started_at >= \(start)::timestamptz,
                   count(*) FILTER (WHERE c.verdict = 'pass'), count(*) FILTER (WHERE c.verdict = 'fail')
            FROM omniscore.scores s
            JOIN omniscore.criterion_results c ON c.interaction_id = s.interaction_id AND c.rubric_sha256 = s.rubric_sha256
            WHERE s.rubric_sha256 = \(sha) AND s.status = 'scored' AND s.agent_id IS NOT NULL
              AND s.started_at >= \(previous)::timestamptz AND s.started_at < \(end)::timestamptz
              AND (\(all) OR s.agent_id = ANY(\(agents)::text[]))
            GROUP BY 1, 2, 3
            """).rows {
            input.criteria.append(.init(agentID: row[0]!, criterionID: row[1]!, isCurrent: row.bool(2) ?? false, passes: row.int(3) ?? 0, fails: row.int(4) ?? 0))
        }
        var sectionMeans: [String: [String: Double]] = [:]
        for row in try connection.execute("""
            SELECT s.agent_id, s.started_at >= \(start)::timestamptz, section.key, avg(section.value::float8)
            FROM omniscore.scores s, jsonb_each_text(s.sections) AS section
            WHERE s.rubric_sha256 = \(sha) AND s.status = 'scored' AND s.agent_id IS NOT NULL AND section.value IS NOT NULL
              AND s.started_at >= \(previous)::timestamptz AND s.started_at < \(end)::timestamptz
              AND (\(all) OR s.agent_id = ANY(\(agents)::text[]))
            GROUP BY 1, 2, 3
            """).rows {
            sectionMeans["\(row[0]!)|\(row[1]!)", default: [:]][row[2]!] = row.double(3)
        }
        for row in try connection.execute("""
            SELECT s.agent_id, s.started_at >= \(start)::timestamptz, count(*), avg(s.total), avg(s.customer_outcome)
            FROM omniscore.scores s
            WHERE s.rubric_sha256 = \(sha) AND s.status = 'scored' AND s.agent_id IS NOT NULL
              AND s.started_at >= \(previous)::timestamptz AND s.started_at < \(end)::timestamptz
              AND (\(all) OR s.agent_id = ANY(\(agents)::text[]))
            GROUP BY 1, 2
            """).rows {
            input.scores.append(.init(agentID: row[0]!, isCurrent: row.bool(1) ?? false, count: row.int(2) ?? 0, meanTotal: row.double(3), sectionMeans: sectionMeans["\(row[0]!)|\(row[1]!)"] ?? [:], meanOutcome: row.double(4)))
        }
        for row in try connection.execute("""
            SELECT s.agent_id, s.channel, count(*), avg(s.total), avg(s.tone_score)
            FROM omniscore.scores s
            WHERE s.rubric_sha256 = \(sha) AND s.status = 'scored' AND s.agent_id IS NOT NULL
              AND s.started_at >= \(start)::timestamptz AND s.started_at < \(end)::timestamptz
              AND (\(all) OR s.agent_id = ANY(\(agents)::text[]))
            GROUP BY 1, 2
            """).rows {
            input.channels.append(.init(agentID: row[0]!, channel: row[1]!, count: row.int(2) ?? 0, meanTotal: row.double(3), meanTone: row.double(4)))
        }
        let unit = self.period.kind == .month ? "month" : "week"
        let format = self.period.kind == .month ? "YYYY-MM" : "IYYY-\"W\"IW"
        for row in try connection.execute(SQLQuery(unsafeSQL: """
            SELECT s.agent_id, to_char(date_trunc('\(unit)', s.started_at AT TIME ZONE 'UTC'), '\(format)'), count(*), avg(s.total)
            FROM omniscore.scores s
            WHERE s.rubric_sha256 = $1 AND s.status = 'scored' AND s.agent_id IS NOT NULL
              AND s.started_at >= $2::timestamptz AND s.started_at < $3::timestamptz
              AND ($4 OR s.agent_id = ANY($5::text[]))
            GROUP BY 1, 2
            """, binds: [sha.sqlValue, trendStart.sqlValue, end.sqlValue, all.sqlValue, agents.sqlValue])).rows {
            input.trend.append(.init(agentID: row[0]!, period: row[1]!, count: row.int(2) ?? 0, meanTotal: row.double(3)))
        }
        for row in try connection.execute("""
            SELECT s.agent_id, s.interaction_id, s.escalation, s.channel
            FROM omniscore.scores s
            WHERE s.rubric_sha256 = \(sha) AND s.status = 'scored' AND s.agent_id IS NOT NULL
              AND s.escalation IN ('missed', 'needless', 'wrong_tier', 'late')
              AND s.started_at >= \(start)::timestamptz AND s.started_at < \(end)::timestamptz
              AND (\(all) OR s.agent_id = ANY(\(agents)::text[]))
            """).rows {
            input.escalationMistakes.append(.init(agentID: row[0]!, interactionID: row[1]!, kind: row[2]!, channel: row[3]!))
        }
        for row in try connection.execute("""
            SELECT v.version, s.rubric_sha256, count(*)
            FROM omniscore.scores s JOIN omniscore.rubric_versions v ON v.sha256 = s.rubric_sha256
            WHERE s.rubric_id = \(self.rubricID) AND s.rubric_sha256 <> \(sha) AND s.agent_id IS NOT NULL
              AND s.started_at >= \(previous)::timestamptz AND s.started_at < \(end)::timestamptz
              AND (\(all) OR s.agent_id = ANY(\(agents)::text[]))
            GROUP BY 1, 2 ORDER BY 1
            """).rows {
            input.otherVersions.append((row[0]!, row[1]!, row.int(2) ?? 0))
        }
        return input
    }

    /// Up to three recent failing examples per (agent, criterion), with the first quoted evidence of the verdict.
    public func excerpts(for pairs: [(agent: String, criterion: String)], on connection: DatabaseConnection) throws -> [CoachingInput.Excerpt] {
        guard !pairs.isEmpty else { return [] }
        let start = ISO8601.format(self.period.start)
        let end = ISO8601.format(self.period.end)
        return try connection.execute("""
            SELECT agent_id, criterion_id, interaction_id, reason, quote FROM (
                SELECT s.agent_id, c.criterion_id, s.interaction_id, c.reason,
                       coalesce((SELECT e ->> 'quote' FROM json_array_elements(s.scorecard -> 'criteria') AS cr,
                                        json_array_elements(cr -> 'evidence') AS e
                                 WHERE cr ->> 'id' = c.criterion_id AND e ->> 'quote' IS NOT NULL LIMIT 1), '') AS quote,
                       row_number() OVER (PARTITION BY s.agent_id, c.criterion_id ORDER BY s.started_at DESC, s.interaction_id) AS rank
                FROM unnest(\(pairs.map(\.agent))::text[], \(pairs.map(\.criterion))::text[]) AS wanted(agent_id, criterion_id)
                JOIN omniscore.scores s ON s.agent_id = wanted.agent_id AND s.rubric_sha256 = \(self.rubricSHA256)
                     AND s.started_at >= \(start)::timestamptz AND s.started_at < \(end)::timestamptz
                JOIN omniscore.criterion_results c ON c.interaction_id = s.interaction_id AND c.rubric_sha256 = s.rubric_sha256
                     AND c.criterion_id = wanted.criterion_id AND c.verdict = 'fail'
            ) ranked WHERE rank <= 3
            ORDER BY agent_id, criterion_id, rank
            """).rows.map { row in
            CoachingInput.Excerpt(agentID: row[0]!, criterionID: row[1]!, interactionID: row[2]!, quote: row[4] ?? "", reason: row[3] ?? "")
        }
    }

    /// Names of the customers of these interactions (to mask them in excerpts).
    public static func customerNames(of interactions: [String], on connection: DatabaseConnection) throws -> [String] {
        guard !interactions.isEmpty else { return [] }
        // The customer's own record and the author of the customer's messages (a chat display name, a social
        // handle); never an agent's name.
        return try connection.execute("""
            SELECT c.name FROM interactions i JOIN customers c ON c.id = i.customer_id
            WHERE i.id = ANY(\(interactions)::text[]) AND c.name IS NOT NULL
            UNION
            SELECT m.author FROM messages m
            WHERE m.interaction_id = ANY(\(interactions)::text[]) AND m.role = 'customer' AND m.author IS NOT NULL
            """).rows.compactMap { $0[0] }
    }
}
