public import OmniscoreCore
public import OmniscoreInterchange

/// The human verdicts QA leads entered in the review workspace, as ratings for `omniscore rubric fit`: the newest
/// verdict per interaction and criterion, over every version of one rubric.
public enum ReviewRatings {
    /// Per reviewed interaction, one rating per criterion: `<criterion>` is true for a human pass and false for a
    /// fail (N/A gives none), and `<criterion>:applies` is true unless the human said N/A, which is how "an
    /// escalation was needed" reads from `escalation.when-required`.
    ///
    /// - Throws: `StorageError` when the workspace tables cannot be read.
    public static func read(rubricID: String, on connection: DatabaseConnection) throws -> [HumanRating] {
        let rows = try connection.execute("""
            SELECT DISTINCT ON (r.interaction_id, r.criterion_id) r.interaction_id, r.criterion_id, r.verdict
            FROM omniscore.reviews r JOIN omniscore.rubric_versions v ON v.sha256 = r.rubric_sha256
            WHERE v.rubric_id = \(rubricID)
            ORDER BY r.interaction_id, r.criterion_id, r.created_at DESC, r.id DESC
            """).rows
        var order: [String] = []
        var values: [String: [(name: String, value: HumanRating.Value)]] = [:]
        for row in rows {
            guard let id = row[0], let criterion = row[1], let verdict = row[2] else { continue }
            if values[id] == nil { order.append(id) }
            if verdict != "na" { values[id, default: []].append((criterion, .flag(verdict == "pass"))) }
            values[id, default: []].append(("\(criterion):applies", .flag(verdict != "na")))
        }
        return order.map { HumanRating(interactionID: $0, values: values[$0] ?? [], location: "omniscore.reviews") }
    }
}
