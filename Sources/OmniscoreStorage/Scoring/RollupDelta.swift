public import OmniscoreCore

/// What one batch of new scorecards adds to the dashboard's rollups, summed in memory (the scorecards are at
/// hand) and written with one upsert per rollup table, keys in order, into the writing connection's shard.
struct RollupDelta: Sendable {
    struct Key: Hashable, Comparable, Sendable {
        var month: String
        var channel: String
        var team: String
        /// status + not-scored reason, a section id or a criterion id.
        var item: String
        var detail = ""

        static func < (a: Key, b: Key) -> Bool {
            (a.month, a.channel, a.team, a.item, a.detail) < (b.month, b.channel, b.team, b.item, b.detail)
        }
    }

    struct ScoreSums: Sendable {
        var interactions = 0
        var passed = 0
        var autoFailed = 0
        var totalSum = 0.0
        var totalCount = 0
    }

    var scores: [Key: ScoreSums] = [:]
    var sections: [Key: (sum: Double, count: Int)] = [:]
    var criteria: [Key: (passes: Int, fails: Int, notApplicable: Int)] = [:]

    init(_ cards: some Sequence<Scorecard>) {
        for card in cards {
            let month = Self.month(card.startedAt)
            let channel = card.channel.rawValue
            let team = card.team ?? ""
            func key(_ item: String, _ detail: String = "") -> Key { Key(month: month, channel: channel, team: team, item: item, detail: detail) }
            let statusKey = card.notScoredReason.map { key("not_scored", $0.rawValue) } ?? key("scored")
            var sums = self.scores[statusKey] ?? ScoreSums()
            sums.interactions += 1
            if card.isScored && card.isPassed { sums.passed += 1 }
            if card.isScored && card.isAutoFailed { sums.autoFailed += 1 }
            if let total = card.total {
                sums.totalSum += total
                sums.totalCount += 1
            }
            self.scores[statusKey] = sums
            guard card.isScored else { continue }
            for section in card.sections {
                // As stored in `scores.sections` (two decimals), so a rebuild from the scores gives the same sums.
                guard let exact = section.score, exact.isFinite else { continue }
                let score = (exact * 100).rounded() / 100
                let sectionKey = key(section.id)
                let current = self.sections[sectionKey] ?? (0, 0)
                self.sections[sectionKey] = (current.sum + score, current.count + 1)
            }
            for result in card.criteria {
                let criterionKey = key(result.id)
                var current = self.criteria[criterionKey] ?? (0, 0, 0)
                switch result.verdict {
                case .pass: current.passes += 1
                case .fail: current.fails += 1
                case .na: current.notApplicable += 1
                }
                self.criteria[criterionKey] = current
            }
        }
    }

    /// "2026-10-01": the first day of the UTC month of `timestamp`.
    static func month(_ timestamp: Timestamp) -> String {
        let full = ISO8601.format(timestamp)
        return String(full.prefix(7)) + "-01"
    }

    func write(rubricSHA256 sha: String, on connection: DatabaseConnection) throws {
        // The shard expression is the one of `Rollups.shard`.
        if !self.scores.isEmpty {
            let keys = self.scores.keys.sorted()
            let sums = keys.map { self.scores[$0]! }
            try connection.execute("""
                INSERT INTO omniscore.rollup_scores AS r
                SELECT \(sha), m::date, c, t, (pg_backend_pid() % 64)::smallint, s, n, i::bigint, p::bigint, a::bigint, ts::float8, tc::bigint
                FROM unnest(\(keys.map(\.month))::text[], \(keys.map(\.channel))::text[], \(keys.map(\.team))::text[], \(keys.map(\.item))::text[],
                            \(keys.map(\.detail))::text[], \(sums.map { String($0.interactions) })::text[], \(sums.map { String($0.passed) })::text[],
                            \(sums.map { String($0.autoFailed) })::text[], \(sums.map { String($0.totalSum) })::text[], \(sums.map { String($0.totalCount) })::text[])
                     AS d(m, c, t, s, n, i, p, a, ts, tc)
                ON CONFLICT (rubric_sha256, month, channel, team, shard, status, not_scored_reason) DO UPDATE SET
                    interactions = r.interactions + EXCLUDED.interactions, passed = r.passed + EXCLUDED.passed,
                    auto_failed = r.auto_failed + EXCLUDED.auto_failed, total_sum = r.total_sum + EXCLUDED.total_sum,
                    total_count = r.total_count + EXCLUDED.total_count
                """)
        }
        if !self.sections.isEmpty {
            let keys = self.sections.keys.sorted()
            let sums = keys.map { self.sections[$0]! }
            try connection.execute("""
                INSERT INTO omniscore.rollup_sections AS r
                SELECT \(sha), m::date, c, t, (pg_backend_pid() % 64)::smallint, x, ss::float8, sc::bigint
                FROM unnest(\(keys.map(\.month))::text[], \(keys.map(\.channel))::text[], \(keys.map(\.team))::text[], \(keys.map(\.item))::text[],
                            \(sums.map { String($0.sum) })::text[], \(sums.map { String($0.count) })::text[]) AS d(m, c, t, x, ss, sc)
                ON CONFLICT (rubric_sha256, month, channel, team, shard, section_id) DO UPDATE SET
                    score_sum = r.score_sum + EXCLUDED.score_sum, score_count = r.score_count + EXCLUDED.score_count
                """)
        }
        if !self.criteria.isEmpty {
            let keys = self.criteria.keys.sorted()
            let sums = keys.map { self.criteria[$0]! }
            try connection.execute("""
                INSERT INTO omniscore.rollup_criteria AS r
                SELECT \(sha), m::date, c, t, (pg_backend_pid() % 64)::smallint, x, p::bigint, f::bigint, n::bigint
                FROM unnest(\(keys.map(\.month))::text[], \(keys.map(\.channel))::text[], \(keys.map(\.team))::text[], \(keys.map(\.item))::text[],
                            \(sums.map { String($0.passes) })::text[], \(sums.map { String($0.fails) })::text[], \(sums.map { String($0.notApplicable) })::text[])
                     AS d(m, c, t, x, p, f, n)
                ON CONFLICT (rubric_sha256, month, channel, team, shard, criterion_id) DO UPDATE SET
                    passes = r.passes + EXCLUDED.passes, fails = r.fails + EXCLUDED.fails, not_applicable = r.not_applicable + EXCLUDED.not_applicable
                """)
        }
    }
}
