-- The hub contract: the tables the support platform shares across channels and Omniscore reads.
-- A platform with other table names maps its own tables onto these with views (docs/database.md).
-- Omniscore never writes here except agents.profile (the quality summary under one key).

CREATE TABLE IF NOT EXISTS customers (
    id text PRIMARY KEY,
    name text,
    profile jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS agents (
    id text PRIMARY KEY,
    name text,
    team text,
    profile jsonb DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS interactions (
    id text PRIMARY KEY,
    channel text NOT NULL,
    customer_id text NOT NULL REFERENCES customers,
    agent_id text REFERENCES agents,
    started_at timestamptz NOT NULL,
    ended_at timestamptz,
    subject text,
    language text,
    status text NOT NULL DEFAULT 'closed'
);
CREATE INDEX IF NOT EXISTS interactions_customer_time ON interactions (customer_id, started_at);
CREATE INDEX IF NOT EXISTS interactions_time ON interactions (started_at);

-- role: customer, agent, bot or system. text may be NULL on a broken export: Omniscore quarantines such rows.
CREATE TABLE IF NOT EXISTS messages (
    interaction_id text NOT NULL REFERENCES interactions ON DELETE CASCADE,
    seq integer NOT NULL,
    role text NOT NULL,
    author text,
    sent_at timestamptz,
    text text,
    PRIMARY KEY (interaction_id, seq)
);

-- kind: escalated (detail.tier), transferred, identity_verified, refund_issued (detail.amount), resolved, ...
CREATE TABLE IF NOT EXISTS interaction_events (
    id bigserial PRIMARY KEY,
    interaction_id text NOT NULL REFERENCES interactions ON DELETE CASCADE,
    kind text NOT NULL,
    at timestamptz,
    actor text,
    detail jsonb
);
CREATE INDEX IF NOT EXISTS interaction_events_interaction ON interaction_events (interaction_id);
