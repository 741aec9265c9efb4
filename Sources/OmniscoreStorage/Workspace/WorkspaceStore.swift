public import OmniscoreCore

/// The queries behind the review workspace. Every list is bounded (LIMIT, keyset paging on an index), agents
/// are always filtered to their own interactions, and every value is a bound parameter.
public struct WorkspaceStore: Sendable {
    public init() {}

    // MARK: Dashboard

    public struct Dashboard: Sendable {
        public var rubric: (id: String, version: String, sha256: String)?
        public var hubInteractions = 0
        /// `hubInteractions` is the planner's estimate (a large hub table), not a count.
        public var hubIsEstimate = false
        public var scored = 0
        public var notScored: [(reason: String, count: Int)] = []
        public var quarantined = 0
        public var queueDepth = 0
        public var channels: [(name: String, count: Int, mean: Double?)] = []
        public var teams: [(name: String, count: Int, mean: Double?)] = []
        public var sections: [(name: String, mean: Double?)] = []
        public var failing: [(criterion: String, fails: Int, applicable: Int)] = []
        public var trend: [(month: String, count: Int, mean: Double?, sections: [String: Double])] = []
    }

    /// The rubric version most recently scored with (the workspace's default view).
    public func currentRubric(on connection: DatabaseConnection) throws -> (id: String, version: String, sha256: String)? {
        try connection.execute("""
            SELECT v.rubric_id, v.version, v.sha256 FROM omniscore.rubric_versions v
            WHERE EXISTS (SELECT 1 FROM omniscore.scores s WHERE s.rubric_sha256 = v.sha256)
            ORDER BY v.loaded_at DESC LIMIT 1
            """).rows.first.map { ($0[0]!, $0[1]!, $0[2]!) }
    }

    /// The dashboard of the current rubric version, from the monthly rollups (a few rows per month, channel and
    /// team), never from the scores themselves.
    public func dashboard(on connection: DatabaseConnection) throws -> Dashboard {
        var board = Dashboard()
        (board.hubInteractions, board.hubIsEstimate) = try self.hubCount(on: connection)
        guard let rubric = try self.currentRubric(on: connection) else { return board }
        board.rubric = rubric
        let sha = rubric.sha256
        let statuses = try connection.execute("""
            SELECT status, not_scored_reason, sum(interactions) FROM omniscore.rollup_scores WHERE rubric_sha256 = \(sha)
            GROUP BY 1, 2 ORDER BY 3 DESC, 2
            """).rows
        board.scored = statuses.filter { $0[0] == "scored" }.reduce(0) { $0 + ($1.int(2) ?? 0) }
        board.notScored = statuses.filter { $0[0] == "not_scored" }.map { (($0[1] ?? "").isEmpty ? "?" : $0[1]!, $0.int(2) ?? 0) }
        board.quarantined = try connection.execute("SELECT count(*) FROM omniscore.quarantine WHERE rubric_sha256 = \(sha)").rows.first?.int(0) ?? 0
        board.queueDepth = try connection.execute("SELECT count(*) FROM omniscore.work_queue WHERE rubric_sha256 = \(sha)").rows.first?.int(0) ?? 0
        board.channels = try connection.execute("""
            SELECT channel, sum(interactions), sum(total_sum) / nullif(sum(total_count), 0) FROM omniscore.rollup_scores
            WHERE rubric_sha256 = \(sha) AND status = 'scored' GROUP BY 1 ORDER BY 1
            """).rows.map { ($0[0]!, $0.int(1) ?? 0, $0.double(2)) }
        board.teams = try connection.execute("""
            SELECT coalesce(nullif(team, ''), '(none)'), sum(interactions), sum(total_sum) / nullif(sum(total_count), 0) FROM omniscore.rollup_scores
            WHERE rubric_sha256 = \(sha) AND status = 'scored' GROUP BY 1 ORDER BY 1
            """).rows.map { ($0[0]!, $0.int(1) ?? 0, $0.double(2)) }
        board.sections = try connection.execute("""
            SELECT section_id, sum(score_sum) / nullif(sum(score_count), 0) FROM omniscore.rollup_sections
            WHERE rubric_sha256 = \(sha) GROUP BY 1 ORDER BY 1
            """).rows.map { ($0[0]!, $0.double(1)) }
        board.failing = try connection.execute("""
            SELECT criterion_id, sum(fails), sum(passes + fails) FROM omniscore.rollup_criteria
            WHERE rubric_sha256 = \(sha) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8
            """).rows.map { ($0[0]!, $0.int(1) ?? 0, $0.int(2) ?? 0) }
        var months: [String: (Int, Double?, [String: Double])] = [:]
        for row in try connection.execute("""
            SELECT to_char(month, 'YYYY-MM'), sum(interactions), sum(total_sum) / nullif(sum(total_count), 0) FROM omniscore.rollup_scores
            WHERE rubric_sha256 = \(sha) AND status = 'scored' GROUP BY 1
            """).rows {
            months[row[0]!] = (row.int(1) ?? 0, row.double(2), [:])
        }
        for row in try connection.execute("""
            SELECT to_char(month, 'YYYY-MM'), section_id, sum(score_sum) / nullif(sum(score_count), 0) FROM omniscore.rollup_sections
            WHERE rubric_sha256 = \(sha) GROUP BY 1, 2
            """).rows {
            months[row[0]!]?.2[row[1]!] = row.double(2)
        }
        board.trend = months.keys.sorted().map { ($0, months[$0]!.0, months[$0]!.1, months[$0]!.2) }
        return board
    }

    /// Interactions in the hub: counted exactly while the table is small, estimated from the planner's
    /// statistics once it is large (counting a million rows on every dashboard request is a scan of the table).
    func hubCount(on connection: DatabaseConnection) throws -> (Int, Bool) {
        let estimate = try connection.execute("""
            SELECT c.reltuples::bigint FROM pg_class c WHERE c.oid = to_regclass('interactions') AND c.relkind IN ('r', 'p')
            """).rows.first?.int(0) ?? -1
        if estimate > 200_000 { return (estimate, true) }
        return (try connection.execute("SELECT count(*) FROM interactions").rows.first?.int(0) ?? 0, false)
    }

    // MARK: Interactions

    public struct Filter: Sendable {
        public var channel: String?
        public var agent: String?
        public var team: String?
        public var verdict: String?     // passed, failed, not_scored, auto_failed
        public var criterion: String?   // failing this criterion
        public var rubricSHA256: String?
        public var since: String?
        public var until: String?
        public init() {}
    }

    public struct Row: Sendable {
        public var id: String
        public var channel: String
        public var agentID: String?
        public var team: String?
        public var startedAt: String
        public var status: String
        public var notScoredReason: String?
        public var total: Double?
        public var passed: Bool?
        public var autoFailed: Bool?
        public var escalation: String?
        public var rubricVersion: String
    }

    /// One page of scores, newest first, keyset-paged on (started_at, interaction_id). `cursor` is the last row's
    /// `started_at|id`; the result's `next` is the cursor of the following page.
    public func interactions(_ filter: Filter, scope agent: String?, cursor: String?, limit: Int, on connection: DatabaseConnection) throws -> (rows: [Row], next: String?) {
        let sha: String
        if let chosen = filter.rubricSHA256 { sha = chosen } else if let current = try self.currentRubric(on: connection) { sha = current.sha256 } else { return ([], nil) }
        let parts = cursor?.split(separator: "|", maxSplits: 1).map(String.init)
        let cursorTime = parts?.first
        let cursorID = parts.flatMap { $0.count == 2 ? $0[1] : nil }
        let rows = try connection.execute("""
            SELECT s.interaction_id, s.channel, s.agent_id, s.team, to_char(s.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                   s.status, s.not_scored_reason, s.total, s.passed, s.auto_failed, s.escalation, s.rubric_version,
                   to_char(s.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
            FROM omniscore.scores s
            WHERE s.rubric_sha256 = \(sha)
              AND (\(agent)::text IS NULL OR s.agent_id = \(agent))
              AND (\(filter.channel)::text IS NULL OR s.channel = \(filter.channel))
              AND (\(filter.agent)::text IS NULL OR s.agent_id = \(filter.agent))
              AND (\(filter.team)::text IS NULL OR s.team = \(filter.team))
              AND (\(filter.since)::timestamptz IS NULL OR s.started_at >= \(filter.since)::timestamptz)
              AND (\(filter.until)::timestamptz IS NULL OR s.started_at < \(filter.until)::timestamptz)
              AND (\(filter.verdict)::text IS NULL
                   OR (\(filter.verdict) = 'passed' AND s.passed)
                   OR (\(filter.verdict) = 'failed' AND s.status = 'scored' AND NOT s.passed)
                   OR (\(filter.verdict) = 'auto_failed' AND s.auto_failed)
                   OR (\(filter.verdict) = 'not_scored' AND s.status = 'not_scored'))
              AND (\(filter.criterion)::text IS NULL OR EXISTS (SELECT 1 FROM omniscore.criterion_results c
                   WHERE c.interaction_id = s.interaction_id AND c.rubric_sha256 = s.rubric_sha256 AND c.criterion_id = \(filter.criterion) AND c.verdict = 'fail'))
              AND (\(cursorTime)::timestamptz IS NULL OR (s.started_at, s.interaction_id) < (\(cursorTime)::timestamptz, \(cursorID)))
            ORDER BY s.started_at DESC, s.interaction_id DESC
            LIMIT \(limit + 1)
            """).rows
        let page = rows.prefix(limit).map { row in
            Row(id: row[0]!, channel: row[1]!, agentID: row[2], team: row[3], startedAt: row[4]!, status: row[5]!, notScoredReason: row[6],
                total: row.double(7), passed: row.bool(8), autoFailed: row.bool(9), escalation: row[10], rubricVersion: row[11]!)
        }
        let next = rows.count > limit ? rows[limit - 1][12].map { "\($0)|\(rows[limit - 1][0]!)" } : nil
        return (Array(page), next)
    }

    public struct Detail: Sendable {
        public var id: String
        public var channel: String
        public var customerID: String
        public var agentID: String?
        public var startedAt: String
        public var subject: String?
        public var messages: [(seq: Int, role: String, author: String?, at: String?, text: String)]
        public var events: [(kind: String, at: String?, detail: String?)]
        /// Scorecards (JSON text), newest rubric version first: (version, sha256, scorecard).
        public var scorecards: [(version: String, sha256: String, scorecard: String)]
        public var journey: [(id: String, channel: String, startedAt: String, total: Double?)]
        public var reviews: [(criterion: String, reviewer: String, verdict: String, reason: String, at: String)]
        public var disputes: [(id: Int, criterion: String, by: String, reason: String, status: String, resolution: String?)]
    }

    /// Whether the interaction exists and the agent scope allows it (one keyed lookup, for write routes).
    public func isVisible(_ id: String, scope agent: String?, on connection: DatabaseConnection) throws -> Bool {
        try !connection.execute("""
            SELECT 1 FROM interactions WHERE id = \(id) AND (\(agent)::text IS NULL OR agent_id = \(agent))
            """).isEmpty
    }

    /// Whether rubric version `sha256` scored `criterion` on interaction `id`: reviews and disputes are only of
    /// verdicts that exist.
    public func hasVerdict(interaction id: String, sha256: String, criterion: String, on connection: DatabaseConnection) throws -> Bool {
        try !connection.execute("""
            SELECT 1 FROM omniscore.criterion_results WHERE interaction_id = \(id) AND rubric_sha256 = \(sha256) AND criterion_id = \(criterion)
            """).isEmpty
    }

    /// One interaction with its transcript, scores, journey, reviews and disputes; nil when it does not exist or
    /// the agent scope excludes it (callers answer 404 either way, so existence does not leak).
    public func interaction(_ id: String, scope agent: String?, on connection: DatabaseConnection) throws -> Detail? {
        guard let head = try connection.execute("""
            SELECT i.id, i.channel, i.customer_id, i.agent_id, to_char(i.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), i.subject
            FROM interactions i WHERE i.id = \(id) AND (\(agent)::text IS NULL OR i.agent_id = \(agent))
            """).rows.first else { return nil }
        let messages = try connection.execute("""
            SELECT seq, role, author, to_char(sent_at AT TIME ZONE 'UTC', 'HH24:MI:SS'), coalesce(text, '') FROM messages WHERE interaction_id = \(id) ORDER BY seq
            """).rows.map { (seq: $0.int(0) ?? 0, role: $0[1] ?? "", author: $0[2], at: $0[3], text: $0[4] ?? "") }
        let events = try connection.execute("""
            SELECT kind, to_char(at AT TIME ZONE 'UTC', 'HH24:MI:SS'), detail::text FROM interaction_events WHERE interaction_id = \(id) ORDER BY at NULLS LAST, id
            """).rows.map { (kind: $0[0] ?? "", at: $0[1], detail: $0[2]) }
        let scorecards = try connection.execute("""
            SELECT s.rubric_version, s.rubric_sha256, s.scorecard::text FROM omniscore.scores s
            JOIN omniscore.rubric_versions v ON v.sha256 = s.rubric_sha256
            WHERE s.interaction_id = \(id) ORDER BY v.loaded_at DESC
            """).rows.map { (version: $0[0]!, sha256: $0[1]!, scorecard: $0[2]!) }
        // The customer's other interactions on any channel (an agent sees only those they handled).
        let journey = try connection.execute("""
            SELECT i.id, i.channel, to_char(i.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
                   (SELECT s.total FROM omniscore.scores s WHERE s.interaction_id = i.id ORDER BY s.scored_at DESC LIMIT 1)
            FROM interactions i WHERE i.customer_id = \(head[2]!) AND i.id <> \(id) AND (\(agent)::text IS NULL OR i.agent_id = \(agent))
            ORDER BY i.started_at LIMIT 50
            """).rows.map { (id: $0[0]!, channel: $0[1]!, startedAt: $0[2]!, total: $0.double(3)) }
        let reviews = try connection.execute("""
            SELECT r.criterion_id, u.name, r.verdict, r.reason, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
            FROM omniscore.reviews r JOIN omniscore.users u ON u.id = r.reviewer_id WHERE r.interaction_id = \(id) ORDER BY r.created_at
            """).rows.map { (criterion: $0[0]!, reviewer: $0[1]!, verdict: $0[2]!, reason: $0[3]!, at: $0[4]!) }
        let disputes = try connection.execute("""
            SELECT d.id, d.criterion_id, u.name, d.reason, d.status, d.resolution FROM omniscore.disputes d
            JOIN omniscore.users u ON u.id = d.raised_by WHERE d.interaction_id = \(id) ORDER BY d.created_at
            """).rows.map { (id: $0.int(0) ?? 0, criterion: $0[1]!, by: $0[2]!, reason: $0[3]!, status: $0[4]!, resolution: $0[5]) }
        return Detail(id: head[0]!, channel: head[1]!, customerID: head[2]!, agentID: head[3], startedAt: head[4]!, subject: head[5],
                      messages: messages, events: events, scorecards: scorecards, journey: journey, reviews: reviews, disputes: disputes)
    }

    // MARK: Reviews, disputes, calibration

    /// Stores a human verdict beside the automatic one (which stays as it is); a reviewer's later verdict on the
    /// same criterion replaces their own earlier one.
    public func saveReview(interaction: String, sha256: String, criterion: String, verdict: String, reason: String, reviewer: AccessStore.User, on connection: DatabaseConnection) throws {
        try connection.transaction {
            try connection.execute("""
                INSERT INTO omniscore.reviews (interaction_id, rubric_sha256, criterion_id, reviewer_id, verdict, reason)
                VALUES (\(interaction), \(sha256), \(criterion), \(reviewer.id), \(verdict), \(reason))
                ON CONFLICT (interaction_id, rubric_sha256, criterion_id, reviewer_id)
                DO UPDATE SET verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, created_at = now()
                """)
            try AccessStore().audit(user: reviewer, action: "review \(criterion) \(verdict)", target: interaction, on: connection)
        }
    }

    /// - Returns: the new dispute's id.
    @discardableResult
    public func raiseDispute(interaction: String, sha256: String, criterion: String, reason: String, by user: AccessStore.User, on connection: DatabaseConnection) throws -> Int {
        try connection.transaction {
            let id = try connection.execute("""
                INSERT INTO omniscore.disputes (interaction_id, rubric_sha256, criterion_id, raised_by, reason)
                VALUES (\(interaction), \(sha256), \(criterion), \(user.id), \(reason)) RETURNING id
                """).rows.first?.int(0) ?? 0
            try AccessStore().audit(user: user, action: "dispute \(criterion)", target: interaction, on: connection)
            return id
        }
    }

    /// One human verdict beside the automatic one.
    public struct Review: Sendable {
        public var interaction: String
        public var rubricVersion: String
        public var criterion: String
        public var automatic: String?
        public var human: String
        public var reviewer: String
        public var reason: String
        public var at: String
    }

    /// The latest human verdicts (overrides) of a rubric version, newest first, with the automatic verdict beside
    /// each; for agents only those on their own interactions.
    public func reviews(sha256: String?, scope agent: String?, limit: Int, on connection: DatabaseConnection) throws -> [Review] {
        guard let sha = try sha256 ?? self.currentRubric(on: connection)?.sha256 else { return [] }
        return try connection.execute("""
            SELECT r.interaction_id, v.version, r.criterion_id, c.verdict, r.verdict, u.name, r.reason,
                   to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            FROM omniscore.reviews r
            JOIN omniscore.users u ON u.id = r.reviewer_id
            JOIN omniscore.rubric_versions v ON v.sha256 = r.rubric_sha256
            LEFT JOIN omniscore.criterion_results c ON c.interaction_id = r.interaction_id AND c.rubric_sha256 = r.rubric_sha256 AND c.criterion_id = r.criterion_id
            WHERE r.rubric_sha256 = \(sha)
              AND (\(agent)::text IS NULL OR EXISTS (SELECT 1 FROM interactions i WHERE i.id = r.interaction_id AND i.agent_id = \(agent)))
            ORDER BY r.created_at DESC, r.id DESC LIMIT \(limit)
            """).rows.map {
            Review(interaction: $0[0]!, rubricVersion: $0[1]!, criterion: $0[2]!, automatic: $0[3], human: $0[4]!, reviewer: $0[5]!, reason: $0[6]!, at: $0[7]!)
        }
    }

    /// Accept, reject or change (with a human verdict) an open dispute.
    public func resolveDispute(_ id: Int, status: String, resolution: String, verdict: String?, by user: AccessStore.User, on connection: DatabaseConnection) throws -> Bool {
        try connection.transaction {
            guard let row = try connection.execute("""
                UPDATE omniscore.disputes SET status = \(status), resolution = \(resolution), resolved_by = \(user.id), resolved_at = now()
                WHERE id = \(id) AND status = 'open' RETURNING interaction_id, rubric_sha256, criterion_id
                """).rows.first else { return false }
            if status == "changed", let verdict {
                try self.saveReview(interaction: row[0]!, sha256: row[1]!, criterion: row[2]!, verdict: verdict, reason: "dispute \(id): \(resolution)", reviewer: user, on: connection)
            }
            try AccessStore().audit(user: user, action: "dispute \(id) \(status)", target: row[0]!, on: connection)
            return true
        }
    }

    public func disputes(scope agent: String?, on connection: DatabaseConnection) throws -> [(id: Int, interaction: String, criterion: String, by: String, reason: String, status: String, resolution: String?)] {
        try connection.execute("""
            SELECT d.id, d.interaction_id, d.criterion_id, u.name, d.reason, d.status, d.resolution
            FROM omniscore.disputes d JOIN omniscore.users u ON u.id = d.raised_by
            JOIN interactions i ON i.id = d.interaction_id
            WHERE (\(agent)::text IS NULL OR i.agent_id = \(agent))
            ORDER BY d.status = 'open' DESC, d.created_at DESC LIMIT 200
            """).rows.map { (id: $0.int(0) ?? 0, interaction: $0[1]!, criterion: $0[2]!, by: $0[3]!, reason: $0[4]!, status: $0[5]!, resolution: $0[6]) }
    }

    /// Scored interactions nobody has reviewed yet: the failures, lowest score first, plus a control share of
    /// passes so reviewers do not only ever see failures (marked as control). The passes come in a fixed
    /// pseudo-random order (a hash of the interaction id) starting at a point chosen by `seed`, so each seed (the
    /// page uses the day) shows a different sample. Both read partial indexes (migration 5); nothing sorts all
    /// scores.
    public func reviewQueue(limit: Int, controlShare: Double = 0.2, seed: Int, on connection: DatabaseConnection) throws -> [(id: String, channel: String, agent: String?, total: Double?, control: Bool)] {
        guard let sha = try self.currentRubric(on: connection)?.sha256 else { return [] }
        let control = min(limit, max(1, Int((Double(limit) * controlShare).rounded())))
        let unreviewed = "NOT EXISTS (SELECT 1 FROM omniscore.reviews r WHERE r.interaction_id = s.interaction_id AND r.rubric_sha256 = s.rubric_sha256)"
        typealias Item = (id: String, channel: String, agent: String?, total: Double?, control: Bool)
        func items(_ rows: [SQLRow], control: Bool) -> [Item] {
            rows.map { (id: $0[0]!, channel: $0[1]!, agent: $0[2], total: $0.double(3), control: control) }
        }
        let failures = try connection.execute(SQLQuery(unsafeSQL: """
            SELECT s.interaction_id, s.channel, s.agent_id, s.total FROM omniscore.scores s
            WHERE s.rubric_sha256 = $1 AND s.status = 'scored' AND NOT s.passed AND \(unreviewed)
            ORDER BY s.total, s.interaction_id LIMIT $2
            """, binds: [sha.sqlValue, (limit - control).sqlValue])).rows
        var controls: [SQLRow] = []
        // From the seed's point to the end of the order, then (wrapping round) from its start.
        for side in [">=", "<"] where controls.count < control {
            controls += try connection.execute(SQLQuery(unsafeSQL: """
                SELECT s.interaction_id, s.channel, s.agent_id, s.total FROM omniscore.scores s
                WHERE s.rubric_sha256 = $1 AND s.status = 'scored' AND s.passed AND \(unreviewed)
                  AND hashtextextended(s.interaction_id, 0) \(side) hashtextextended($2::text, 0)
                ORDER BY hashtextextended(s.interaction_id, 0) LIMIT $3
                """, binds: [sha.sqlValue, String(seed).sqlValue, (control - controls.count).sqlValue])).rows
        }
        return items(failures, control: false) + items(controls, control: true)
    }

    public struct Calibration: Sendable {
        public var criterion: String
        public var automatic: AgreementStatistics
        public var reviewers: AgreementStatistics
    }

    /// Calibration of one month (by when the reviews were made): all criteria together.
    public struct CalibrationMonth: Sendable {
        public var month: String
        public var automatic: AgreementStatistics
        public var reviewers: AgreementStatistics
    }

    /// Agreement % and Cohen's κ per criterion: automatic against human verdicts, and between reviewers who
    /// judged the same interaction, for one rubric version (the current one by default); and the same over all
    /// criteria per month, so QA leads see whether calibration sessions are converging.
    public func calibration(sha256: String?, on connection: DatabaseConnection) throws -> (criteria: [Calibration], months: [CalibrationMonth]) {
        guard let sha = try sha256 ?? self.currentRubric(on: connection)?.sha256 else { return ([], []) }
        let automatic = try connection.execute("""
            SELECT r.criterion_id, c.verdict, r.verdict, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM') FROM omniscore.reviews r
            JOIN omniscore.criterion_results c ON c.interaction_id = r.interaction_id AND c.rubric_sha256 = r.rubric_sha256 AND c.criterion_id = r.criterion_id
            WHERE r.rubric_sha256 = \(sha)
            """).rows
        let between = try connection.execute("""
            SELECT a.criterion_id, a.verdict, b.verdict, to_char(greatest(a.created_at, b.created_at) AT TIME ZONE 'UTC', 'YYYY-MM') FROM omniscore.reviews a
            JOIN omniscore.reviews b ON b.interaction_id = a.interaction_id AND b.rubric_sha256 = a.rubric_sha256
                 AND b.criterion_id = a.criterion_id AND b.reviewer_id > a.reviewer_id
            WHERE a.rubric_sha256 = \(sha)
            """).rows
        func statistics(_ rows: [SQLRow], _ keep: (SQLRow) -> Bool, humanFirst: Bool) -> AgreementStatistics {
            // Automatic rows are (automatic, human): the human verdict is the reference.
            let pairs = rows.filter(keep).map { humanFirst ? (reference: $0[1]!, candidate: $0[2]!) : (reference: $0[2]!, candidate: $0[1]!) }
            return AgreementStatistics(pairs: pairs, positive: "fail")
        }
        let criteria = Set(automatic.map { $0[0]! } + between.map { $0[0]! }).sorted().map { criterion in
            Calibration(criterion: criterion,
                        automatic: statistics(automatic, { $0[0] == criterion }, humanFirst: false),
                        reviewers: statistics(between, { $0[0] == criterion }, humanFirst: true))
        }
        let months = Set(automatic.map { $0[3]! } + between.map { $0[3]! }).sorted().map { month in
            CalibrationMonth(month: month,
                             automatic: statistics(automatic, { $0[3] == month }, humanFirst: false),
                             reviewers: statistics(between, { $0[3] == month }, humanFirst: true))
        }
        return (criteria, months)
    }

    /// Every criterion verdict of the current rubric version with the human reviews beside it.
    public func export(scope agent: String?, limit: Int, on connection: DatabaseConnection) throws -> [[String?]] {
        guard let sha = try self.currentRubric(on: connection)?.sha256 else { return [] }
        return try connection.execute("""
            SELECT s.interaction_id, s.agent_id, s.channel, to_char(s.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), s.rubric_version,
                   c.criterion_id, c.verdict, r.verdict, u.name, r.reason
            FROM omniscore.scores s
            JOIN omniscore.criterion_results c ON c.interaction_id = s.interaction_id AND c.rubric_sha256 = s.rubric_sha256
            LEFT JOIN omniscore.reviews r ON r.interaction_id = c.interaction_id AND r.rubric_sha256 = c.rubric_sha256 AND r.criterion_id = c.criterion_id
            LEFT JOIN omniscore.users u ON u.id = r.reviewer_id
            WHERE s.rubric_sha256 = \(sha) AND (\(agent)::text IS NULL OR s.agent_id = \(agent))
            ORDER BY s.started_at DESC, s.interaction_id, c.criterion_id, u.name
            LIMIT \(limit)
            """).values
    }

    // MARK: Agents

    public func agent(_ id: String, on connection: DatabaseConnection) throws -> (name: String?, team: String?, scores: [Row], reports: [(id: String, period: String, overall: Double?, interactions: Int)])? {
        guard let head = try connection.execute("SELECT name, team FROM agents WHERE id = \(id)").rows.first else { return nil }
        var filter = Filter()
        filter.agent = id
        let scores = try self.interactions(filter, scope: id, cursor: nil, limit: 50, on: connection).rows
        let reports = try connection.execute("""
            SELECT id, period, overall, interactions FROM omniscore.coaching_reports WHERE agent_id = \(id) ORDER BY period DESC, created_at DESC LIMIT 24
            """).rows.map { (id: $0[0]!, period: $0[1]!, overall: $0.double(2), interactions: $0.int(3) ?? 0) }
        return (head[0], head[1], scores, reports)
    }

    public func report(_ id: String, scope agent: String?, on connection: DatabaseConnection) throws -> String? {
        try connection.execute("""
            SELECT report::text FROM omniscore.coaching_reports WHERE id = \(id) AND (\(agent)::text IS NULL OR agent_id = \(agent))
            """).scalar
    }
}

extension WorkspaceStore {
    public struct RubricVersion: Sendable {
        public var sha256: String
        public var id: String
        public var version: String
        public var title: String
        public var loadedAt: String
        public var scored: Int
    }

    public func rubricVersions(on connection: DatabaseConnection) throws -> [RubricVersion] {
        try connection.execute("""
            SELECT v.sha256, v.rubric_id, v.version, v.title, to_char(v.loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                   (SELECT count(*) FROM omniscore.scores s WHERE s.rubric_sha256 = v.sha256)
            FROM omniscore.rubric_versions v ORDER BY v.rubric_id, v.loaded_at DESC
            """).rows.map { RubricVersion(sha256: $0[0]!, id: $0[1]!, version: $0[2]!, title: $0[3] ?? "", loadedAt: $0[4]!, scored: $0.int(5) ?? 0) }
    }

    public func rubricSource(_ sha256: String, on connection: DatabaseConnection) throws -> String? {
        try connection.execute("SELECT source FROM omniscore.rubric_versions WHERE sha256 = \(sha256)").scalar
    }

    /// Per criterion, on the interactions both versions scored: verdict flips and fail rates before and after.
    public func rubricDiff(from old: String, to new: String, on connection: DatabaseConnection) throws -> [(criterion: String, common: Int, flips: Int, failsBefore: Int, failsAfter: Int)] {
        try connection.execute("""
            SELECT coalesce(a.criterion_id, b.criterion_id), count(*) FILTER (WHERE a.verdict IS NOT NULL AND b.verdict IS NOT NULL),
                   count(*) FILTER (WHERE a.verdict IS DISTINCT FROM b.verdict AND a.verdict IS NOT NULL AND b.verdict IS NOT NULL),
                   count(*) FILTER (WHERE a.verdict = 'fail' AND b.verdict IS NOT NULL), count(*) FILTER (WHERE b.verdict = 'fail' AND a.verdict IS NOT NULL)
            FROM (SELECT * FROM omniscore.criterion_results WHERE rubric_sha256 = \(old)) a
            FULL JOIN (SELECT * FROM omniscore.criterion_results WHERE rubric_sha256 = \(new)) b
                 ON a.interaction_id = b.interaction_id AND a.criterion_id = b.criterion_id
            GROUP BY 1 ORDER BY 1
            """).rows.map { (criterion: $0[0]!, common: $0.int(1) ?? 0, flips: $0.int(2) ?? 0, failsBefore: $0.int(3) ?? 0, failsAfter: $0.int(4) ?? 0) }
    }
}
