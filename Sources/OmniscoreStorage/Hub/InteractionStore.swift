public import OmniscoreCore
import OmniscoreInterchange

/// Reads interactions, their messages and events from the hub tables in batches, and turns rows that cannot be
/// read into quarantine records instead of failing the batch.
public struct InteractionStore: Sendable {
    /// A row that could not be read, and why (no message text in it).
    public struct Quarantined: Sendable, Hashable {
        public var interactionID: String
        public var code: String
        public var field: String?
        public var reason: String
    }

    public struct Batch: Sendable {
        public var interactions: [Interaction] = []
        public var quarantined: [Quarantined] = []
    }

    /// Larger message texts are quarantined rather than read (the database sends only their length).
    public var maximumMessageBytes: Int

    public init(maximumMessageBytes: Int = 1 << 20) {
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// The interactions with these ids, in the order given; ids with no row are quarantined as missing.
    public func read(_ ids: [String], on connection: DatabaseConnection) throws -> Batch {
        var batch = Batch()
        guard !ids.isEmpty else { return batch }
        let heads = try connection.execute("""
            SELECT i.id, i.channel, i.customer_id, i.agent_id, a.team,
                   (extract(epoch FROM i.started_at) * 1000)::int8, (extract(epoch FROM i.ended_at) * 1000)::int8,
                   i.subject, i.language
            FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id
            WHERE i.id = ANY(\(ids)::text[])
            """)
        let messages = try connection.execute("""
            SELECT interaction_id, seq, role, author, (extract(epoch FROM sent_at) * 1000)::int8,
                   CASE WHEN octet_length(text) > \(self.maximumMessageBytes) THEN NULL ELSE text END, octet_length(text)
            FROM messages WHERE interaction_id = ANY(\(ids)::text[]) ORDER BY interaction_id, seq
            """)
        let events = try connection.execute("""
            SELECT interaction_id, kind, (extract(epoch FROM at) * 1000)::int8, actor, detail::text
            FROM interaction_events WHERE interaction_id = ANY(\(ids)::text[]) ORDER BY interaction_id, at NULLS LAST, id
            """)
        var problems: [String: Quarantined] = [:]
        func quarantine(_ id: String, _ code: String, _ field: String?, _ reason: String) {
            if problems[id] == nil { problems[id] = Quarantined(interactionID: id, code: code, field: field, reason: reason) }
        }
        var messagesByID: [String: [Message]] = [:]
        for row in messages.values {
            let id = row[0]!
            let seq = row[1] ?? "?"
            guard let roleName = row[2], let role = Role(rawValue: roleName.lowercased()) else {
                quarantine(id, "unknown_role", "messages[\(seq)].role", "message \(seq) has an unknown role; expected customer, agent, bot or system")
                continue
            }
            guard let text = row[5] else {
                if let length = row[6].flatMap(Int.init) {
                    quarantine(id, "too_large", "messages[\(seq)].text", "message \(seq) is \(length) bytes, over the \(self.maximumMessageBytes)-byte limit")
                } else {
                    quarantine(id, "invalid_field", "messages[\(seq)].text", "message \(seq) has no text (NULL)")
                }
                continue
            }
            let at = row[4].flatMap(Int64.init).map(Timestamp.init(millisecondsSinceEpoch:))
            messagesByID[id, default: []].append(Message(role: role, author: row[3], at: at, text: text))
        }
        var eventsByID: [String: [InteractionEvent]] = [:]
        for row in events.values {
            let id = row[0]!
            var detail: [(key: String, value: JSONValue)] = []
            if let text = row[4] {
                do {
                    detail = try JSONObjectDecoder.members(of: text)
                } catch {
                    quarantine(id, error.code.description, "events.detail", "an event's detail is not a JSON object (column \(error.column ?? 0))")
                    continue
                }
            }
            let at = row[2].flatMap(Int64.init).map(Timestamp.init(millisecondsSinceEpoch:))
            eventsByID[id, default: []].append(InteractionEvent(kind: (row[1] ?? "").lowercased(), at: at, actor: row[3], detail: detail))
        }
        var byID: [String: Interaction] = [:]
        for row in heads.values {
            let id = row[0]!
            guard let channelName = row[1], let channel = Channel(rawValue: channelName.lowercased()) else {
                quarantine(id, "unknown_channel", "channel", "unknown channel; expected one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            guard let started = row[5].flatMap(Int64.init) else {
                quarantine(id, "invalid_field", "started_at", "started_at is NULL")
                continue
            }
            byID[id] = Interaction(
                id: id,
                channel: channel,
                customerID: row[2] ?? "",
                agentID: row[3],
                team: row[4],
                startedAt: Timestamp(millisecondsSinceEpoch: started),
                endedAt: row[6].flatMap(Int64.init).map(Timestamp.init(millisecondsSinceEpoch:)),
                subject: row[7],
                language: row[8],
                messages: messagesByID[id] ?? [],
                events: eventsByID[id] ?? []
            )
        }
        for id in ids {
            if let problem = problems[id] {
                batch.quarantined.append(problem)
            } else if let interaction = byID[id] {
                batch.interactions.append(interaction)
            } else {
                batch.quarantined.append(Quarantined(interactionID: id, code: "missing", field: nil, reason: "the interaction is no longer in the hub table"))
            }
        }
        return batch
    }
}
