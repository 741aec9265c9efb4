public import OmniscoreCore
import OmniscoreInterchange

/// Writes interactions into the hub tables (customers, agents, interactions, messages, interaction_events), as a
/// support platform would: used by `omniscore samples load`, the demo and the benchmarks. Loading the same
/// interaction twice changes nothing.
public struct HubLoader: Sendable {
    /// Counts of what a load inserted.
    public struct Summary: Sendable, Hashable {
        public var interactions = 0
        public var messages = 0
        public var events = 0
        public var skipped = 0
    }

    public init() {}

    /// Loads `interactions` in one transaction: COPY into session staging tables, then insert what is new.
    public func load(_ interactions: [Interaction], into connection: DatabaseConnection) throws -> Summary {
        var customers = CopyEncoder()
        var agents = CopyEncoder()
        var rows = CopyEncoder()
        var messages = CopyEncoder()
        var events = CopyEncoder()
        var seenCustomers: Set<String> = []
        var seenAgents: Set<String> = []
        for interaction in interactions {
            if seenCustomers.insert(interaction.customerID).inserted {
                customers.field(interaction.customerID)
                customers.field(interaction.messages.first { $0.role == .customer && $0.author != nil }?.author)
                customers.endRow()
            }
            if let agent = interaction.agentID, seenAgents.insert(agent).inserted {
                agents.field(agent)
                agents.field(interaction.messages.first { $0.role == .agent && $0.author != nil }?.author)
                agents.field(interaction.team)
                agents.endRow()
            }
            rows.field(interaction.id)
            rows.field(interaction.channel.rawValue)
            rows.field(interaction.customerID)
            rows.field(interaction.agentID)
            rows.field(ISO8601.format(interaction.startedAt))
            rows.field(interaction.endedAt.map(ISO8601.format))
            rows.field(interaction.subject)
            rows.field(interaction.language)
            rows.endRow()
            for (seq, message) in interaction.messages.enumerated() {
                messages.field(interaction.id)
                messages.field(seq)
                messages.field(message.role.rawValue)
                messages.field(message.author)
                messages.field(message.at.map(ISO8601.format))
                messages.field(message.text)
                messages.endRow()
            }
            for event in interaction.events {
                events.field(interaction.id)
                events.field(event.kind)
                events.field(event.at.map(ISO8601.format))
                events.field(event.actor)
                if event.detail.isEmpty {
                    events.field(nil as String?)
                } else {
                    var writer = JSONWriter(capacity: 64)
                    writer.value(.object(event.detail))
                    events.field(utf8: writer.bytes)
                }
                events.endRow()
            }
        }
        return try connection.transaction {
            try connection.executeScript("""
                CREATE TEMP TABLE omniscore_stage_customers (id text, name text) ON COMMIT DROP;
                CREATE TEMP TABLE omniscore_stage_agents (id text, name text, team text) ON COMMIT DROP;
                CREATE TEMP TABLE omniscore_stage_interactions (id text, channel text, customer_id text, agent_id text,
                    started_at timestamptz, ended_at timestamptz, subject text, language text) ON COMMIT DROP;
                CREATE TEMP TABLE omniscore_stage_messages (interaction_id text, seq integer, role text, author text,
                    sent_at timestamptz, text text) ON COMMIT DROP;
                CREATE TEMP TABLE omniscore_stage_events (interaction_id text, kind text, at timestamptz, actor text,
                    detail jsonb) ON COMMIT DROP;
                """)
            try connection.copyIn("COPY omniscore_stage_customers FROM STDIN", data: customers.bytes)
            try connection.copyIn("COPY omniscore_stage_agents FROM STDIN", data: agents.bytes)
            try connection.copyIn("COPY omniscore_stage_interactions FROM STDIN", data: rows.bytes)
            try connection.copyIn("COPY omniscore_stage_messages FROM STDIN", data: messages.bytes)
            try connection.copyIn("COPY omniscore_stage_events FROM STDIN", data: events.bytes)
            try connection.execute("INSERT INTO customers (id, name) SELECT id, name FROM omniscore_stage_customers ON CONFLICT (id) DO NOTHING")
            try connection.execute("INSERT INTO agents (id, name, team) SELECT id, name, team FROM omniscore_stage_agents ON CONFLICT (id) DO NOTHING")
            let inserted = try connection.execute("""
                WITH new AS (
                    INSERT INTO interactions (id, channel, customer_id, agent_id, started_at, ended_at, subject, language)
                    SELECT id, channel, customer_id, agent_id, started_at, ended_at, subject, language FROM omniscore_stage_interactions
                    ON CONFLICT (id) DO NOTHING RETURNING id
                )
                SELECT array_agg(id) FROM new
                """).scalar
            let newIDs = inserted ?? "{}"
            var summary = Summary()
            summary.interactions = try connection.execute("SELECT count(*) FROM unnest(\(newIDs)::text[])").rows.first?.int(0) ?? 0
            summary.skipped = interactions.count - summary.interactions
            summary.messages = try connection.execute("""
                INSERT INTO messages (interaction_id, seq, role, author, sent_at, text)
                SELECT interaction_id, seq, role, author, sent_at, text FROM omniscore_stage_messages
                WHERE interaction_id = ANY(\(newIDs)::text[])
                """).affected
            summary.events = try connection.execute("""
                INSERT INTO interaction_events (interaction_id, kind, at, actor, detail)
                SELECT interaction_id, kind, at, actor, detail FROM omniscore_stage_events
                WHERE interaction_id = ANY(\(newIDs)::text[])
                """).affected
            return summary
        }
    }

    /// Creates the hub tables from `Samples/hub.sql` (or another script with the same contract).
    public func createTables(script: String, on connection: DatabaseConnection) throws {
        try connection.executeScript(script)
    }
}
