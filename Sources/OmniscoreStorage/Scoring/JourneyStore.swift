public import OmniscoreCore

/// Finds the earlier interactions of a batch's customers, on every channel, for journey checks: the stored
/// journey records of interactions already scored with this rubric version, and records computed on the spot
/// for those not scored yet, so the result does not depend on which worker got there first.
public struct JourneyStore: Sendable {
    public var rubricSHA256: String

    public init(rubricSHA256: String) {
        self.rubricSHA256 = rubricSHA256
    }

    /// Records of every interaction of these customers started in [from, to), keyed by customer, oldest first.
    public func history(customers: [String], from: Timestamp, to: Timestamp, excluding: Set<String>, scorer: Scorer, store: InteractionStore, on connection: DatabaseConnection) throws -> (records: [String: [JourneyRecord]], computed: Int) {
        guard !customers.isEmpty else { return ([:], 0) }
        let rows = try connection.execute("""
            SELECT i.id, i.customer_id, j.channel, (extract(epoch FROM i.started_at) * 1000)::int8, j.subject_words, j.issue_keys,
                   j.provided_info, j.agent_warmth, j.was_escalated, j.interaction_id IS NOT NULL
            FROM interactions i
            LEFT JOIN omniscore.journey j ON j.interaction_id = i.id AND j.rubric_sha256 = \(self.rubricSHA256)
            WHERE i.customer_id = ANY(\(customers)::text[]) AND i.started_at >= \(ISO8601.format(from))::timestamptz
              AND i.started_at < \(ISO8601.format(to))::timestamptz
            """)
        var history: [String: [JourneyRecord]] = [:]
        var missing: [String] = []
        for row in rows.rows {
            guard let id = row[0], !excluding.contains(id) else { continue }
            guard row.bool(9) == true else {
                missing.append(id)
                continue
            }
            let record = JourneyRecord(
                interactionID: id,
                customerID: row[1] ?? "",
                channel: Channel(rawValue: row[2] ?? "") ?? .chat,
                startedAt: Timestamp(millisecondsSinceEpoch: row[3].flatMap(Int64.init) ?? 0),
                subjectWords: Self.array(row[4]),
                issueKeys: Self.array(row[5]),
                providedInfo: Set(Self.array(row[6]).compactMap(InfoKind.init(rawValue:))),
                agentWarmth: row.double(7),
                wasEscalated: row.bool(8) ?? false
            )
            history[record.customerID, default: []].append(record)
        }
        if !missing.isEmpty {
            // Not scored yet with this rubric: compute their records from the transcripts (quarantined ones stay out).
            for interaction in try store.read(missing, on: connection).interactions {
                let record = scorer.score(interaction).journeyRecord
                history[record.customerID, default: []].append(record)
            }
        }
        for key in history.keys { history[key]!.sort { ($0.startedAt, $0.interactionID) < ($1.startedAt, $1.interactionID) } }
        return (history, missing.count)
    }

    /// Parses a PostgreSQL text[] literal of simple words (`{a,b,"c d"}`).
    static func array(_ literal: String?) -> [String] {
        guard let literal, literal.count > 2 else { return [] }
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in literal.dropFirst().dropLast() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items
    }
}
