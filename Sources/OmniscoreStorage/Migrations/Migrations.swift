extension Migration {
    /// Every step, in order.
    public static let all: [Migration] = [
        Migration(version: 1, name: "scores, runs, samples, queue, quarantine", sql: #"""
            CREATE TABLE omniscore.rubric_versions (
                sha256 text PRIMARY KEY,
                rubric_id text NOT NULL,
                version text NOT NULL,
                title text NOT NULL DEFAULT '',
                source text NOT NULL,
                loaded_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX rubric_versions_id ON omniscore.rubric_versions (rubric_id, loaded_at);

            CREATE TABLE omniscore.runs (
                id bigserial PRIMARY KEY,
                kind text NOT NULL,                      -- run, rescore, demo
                rubric_sha256 text NOT NULL REFERENCES omniscore.rubric_versions,
                strategy text NOT NULL,
                seed bigint NOT NULL DEFAULT 0,
                since timestamptz,
                until timestamptz,
                started_at timestamptz NOT NULL DEFAULT now(),
                finished_at timestamptz,
                sampled integer NOT NULL DEFAULT 0,
                scored integer NOT NULL DEFAULT 0,
                not_scored integer NOT NULL DEFAULT 0,
                quarantined integer NOT NULL DEFAULT 0,
                status text NOT NULL DEFAULT 'running'
            );

            -- Which interaction a run chose, by which strategy and why: the audit trail of sampling.
            CREATE TABLE omniscore.samples (
                run_id bigint NOT NULL REFERENCES omniscore.runs ON DELETE CASCADE,
                interaction_id text NOT NULL,
                strategy text NOT NULL,
                seed bigint NOT NULL,
                reason text NOT NULL,
                PRIMARY KEY (run_id, interaction_id)
            );

            -- Work to do. A worker leases rows with FOR UPDATE SKIP LOCKED; an expired lease is free again.
            CREATE TABLE omniscore.work_queue (
                interaction_id text NOT NULL,
                rubric_sha256 text NOT NULL REFERENCES omniscore.rubric_versions,
                run_id bigint REFERENCES omniscore.runs ON DELETE SET NULL,
                priority integer NOT NULL DEFAULT 0,
                started_at timestamptz NOT NULL,
                enqueued_at timestamptz NOT NULL DEFAULT now(),
                leased_by text,
                lease_expires_at timestamptz,
                attempts integer NOT NULL DEFAULT 0,
                PRIMARY KEY (interaction_id, rubric_sha256)
            );
            CREATE INDEX work_queue_next ON omniscore.work_queue (rubric_sha256, priority DESC, started_at, interaction_id);

            -- One row per interaction and rubric version; a new rubric version adds rows, it never replaces them.
            CREATE TABLE omniscore.scores (
                interaction_id text NOT NULL,
                rubric_sha256 text NOT NULL REFERENCES omniscore.rubric_versions,
                rubric_id text NOT NULL,
                rubric_version text NOT NULL,
                run_id bigint REFERENCES omniscore.runs ON DELETE SET NULL,
                agent_id text,
                customer_id text NOT NULL,
                team text,
                channel text NOT NULL,
                started_at timestamptz NOT NULL,
                status text NOT NULL CHECK (status IN ('scored', 'not_scored')),
                not_scored_reason text,
                not_scored_detail text,
                total double precision,
                passed boolean,
                auto_failed boolean,
                tone_score double precision,
                politeness double precision,
                frustration double precision,
                escalation text,
                sections jsonb NOT NULL DEFAULT '{}',
                -- The full scorecard with every verdict's evidence, as written by the engine. json, not jsonb: it is
                -- written once and read whole, and parsing 5-10 kB per interaction into jsonb costs more than it saves.
                scorecard json COMPRESSION lz4 NOT NULL,
                scored_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (interaction_id, rubric_sha256)
            );
            CREATE INDEX scores_agent_time ON omniscore.scores (agent_id, started_at);
            CREATE INDEX scores_rubric_time ON omniscore.scores (rubric_sha256, started_at);

            CREATE TABLE omniscore.criterion_results (
                interaction_id text NOT NULL,
                rubric_sha256 text NOT NULL,
                criterion_id text NOT NULL,
                section_id text NOT NULL,
                verdict text NOT NULL CHECK (verdict IN ('pass', 'fail', 'na')),
                points double precision NOT NULL,
                maximum double precision NOT NULL,
                reason text NOT NULL,
                PRIMARY KEY (interaction_id, rubric_sha256, criterion_id),
                FOREIGN KEY (interaction_id, rubric_sha256) REFERENCES omniscore.scores ON DELETE CASCADE
            );
            CREATE INDEX criterion_results_failures ON omniscore.criterion_results (rubric_sha256, criterion_id) WHERE verdict = 'fail';

            -- What later interactions of the customer need from this one (rubric-specific: escalation event kind).
            CREATE TABLE omniscore.journey (
                interaction_id text NOT NULL,
                rubric_sha256 text NOT NULL,
                customer_id text NOT NULL,
                channel text NOT NULL,
                started_at timestamptz NOT NULL,
                subject_words text[] NOT NULL DEFAULT '{}',
                issue_keys text[] NOT NULL DEFAULT '{}',
                provided_info text[] NOT NULL DEFAULT '{}',
                agent_warmth double precision,
                was_escalated boolean NOT NULL DEFAULT false,
                PRIMARY KEY (interaction_id, rubric_sha256)
            );
            CREATE INDEX journey_customer ON omniscore.journey (rubric_sha256, customer_id, started_at);

            -- Rows that could not be read, with the reason; the run goes on and counts them.
            CREATE TABLE omniscore.quarantine (
                id bigserial PRIMARY KEY,
                interaction_id text NOT NULL,
                rubric_sha256 text,
                run_id bigint REFERENCES omniscore.runs ON DELETE SET NULL,
                code text NOT NULL,
                field text,
                reason text NOT NULL,
                quarantined_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (interaction_id, rubric_sha256)
            );
            """#),
        Migration(version: 2, name: "notify on new or closed interactions", sql: #"""
            CREATE FUNCTION omniscore.notify_interaction() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('omniscore_interactions', NEW.id::text);
                RETURN NEW;
            END $$;
            -- The hub's interactions may not exist yet, be a view (platforms adapt through views) or belong to
            -- someone else: then `omniscore run` polls instead of waiting for NOTIFY.
            DO $$
            BEGIN
                IF (SELECT relkind FROM pg_class WHERE oid = to_regclass('interactions')) IN ('r', 'p') THEN
                    EXECUTE 'CREATE TRIGGER omniscore_interaction_changed AFTER INSERT OR UPDATE OF status ON interactions
                             FOR EACH ROW EXECUTE FUNCTION omniscore.notify_interaction()';
                END IF;
            EXCEPTION WHEN insufficient_privilege OR wrong_object_type THEN
                RAISE NOTICE 'cannot add the notify trigger on interactions; omniscore run will poll';
            END $$;
            """#),
        Migration(version: 3, name: "coaching reports and the delivery outbox", sql: #"""
            -- Every report produced, in full (JSON), with the summary written to the agent's profile.
            CREATE TABLE omniscore.coaching_reports (
                id text PRIMARY KEY,                     -- agent/period/rubric sha256 prefix
                agent_id text NOT NULL,
                period text NOT NULL,
                rubric_sha256 text NOT NULL REFERENCES omniscore.rubric_versions,
                interactions integer NOT NULL,
                overall double precision,
                summary jsonb NOT NULL,
                report jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX coaching_reports_agent ON omniscore.coaching_reports (agent_id, period);

            -- Deliveries to an HTTP sink. A row is delivered at most once per idempotency key; a sink that is
            -- down only delays it (attempts, next_attempt_at with backoff, last_error).
            CREATE TABLE omniscore.outbox (
                id bigserial PRIMARY KEY,
                kind text NOT NULL,                      -- profile_summary, report_ready
                idempotency_key text NOT NULL UNIQUE,
                payload jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                attempts integer NOT NULL DEFAULT 0,
                next_attempt_at timestamptz NOT NULL DEFAULT now(),
                delivered_at timestamptz,
                last_status integer,
                last_error text
            );
            CREATE INDEX outbox_due ON omniscore.outbox (next_attempt_at) WHERE delivered_at IS NULL;
            """#),
        Migration(version: 4, name: "review workspace: users, tokens, sessions, reviews, disputes, audit", sql: #"""
            CREATE TABLE omniscore.users (
                id bigserial PRIMARY KEY,
                name text NOT NULL UNIQUE,
                role text NOT NULL CHECK (role IN ('admin', 'qa_lead', 'trainer', 'agent', 'ci')),
                agent_id text,                           -- for role agent: whose interactions they may see
                created_at timestamptz NOT NULL DEFAULT now()
            );
            -- Tokens are random 256-bit values; only their SHA-256 is stored.
            CREATE TABLE omniscore.api_tokens (
                token_sha256 text PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES omniscore.users ON DELETE CASCADE,
                label text NOT NULL DEFAULT '',
                created_at timestamptz NOT NULL DEFAULT now(),
                last_used_at timestamptz
            );
            -- One-time sign-in links (for the demo and scripted browsers): used once, within minutes.
            CREATE TABLE omniscore.login_links (
                nonce_sha256 text PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES omniscore.users ON DELETE CASCADE,
                expires_at timestamptz NOT NULL
            );
            CREATE TABLE omniscore.sessions (
                id_sha256 text PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES omniscore.users ON DELETE CASCADE,
                csrf_token text NOT NULL,
                expires_at timestamptz NOT NULL
            );
            -- Human verdicts next to the automatic ones, which are never overwritten.
            CREATE TABLE omniscore.reviews (
                id bigserial PRIMARY KEY,
                interaction_id text NOT NULL,
                rubric_sha256 text NOT NULL,
                criterion_id text NOT NULL,
                reviewer_id bigint NOT NULL REFERENCES omniscore.users,
                verdict text NOT NULL CHECK (verdict IN ('pass', 'fail', 'na')),
                reason text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (interaction_id, rubric_sha256, criterion_id, reviewer_id)
            );
            CREATE TABLE omniscore.disputes (
                id bigserial PRIMARY KEY,
                interaction_id text NOT NULL,
                rubric_sha256 text NOT NULL,
                criterion_id text NOT NULL,
                raised_by bigint NOT NULL REFERENCES omniscore.users,
                reason text NOT NULL,
                status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected', 'changed')),
                resolution text,
                resolved_by bigint REFERENCES omniscore.users,
                resolved_at timestamptz,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE omniscore.audit_log (
                id bigserial PRIMARY KEY,
                at timestamptz NOT NULL DEFAULT now(),
                user_id bigint REFERENCES omniscore.users,
                action text NOT NULL,
                target text NOT NULL
            );
            CREATE INDEX scores_started ON omniscore.scores (started_at DESC, interaction_id);
            """#),
        Migration(version: 5, name: "dashboard rollups and review-queue indexes", sql: #"""
            -- Monthly sums kept up to date by every batch that writes scores (ScoreWriter), so the dashboard reads a
            -- few hundred rollup rows instead of aggregating every score on each request. team '' means none. Each
            -- writing connection adds to its own shard (its backend pid modulo 64), so concurrent workers do not
            -- wait for each other's rows; readers sum over the shards.
            CREATE TABLE omniscore.rollup_scores (
                rubric_sha256 text NOT NULL,
                month date NOT NULL,
                channel text NOT NULL,
                team text NOT NULL,
                shard smallint NOT NULL,
                status text NOT NULL,
                not_scored_reason text NOT NULL,
                interactions bigint NOT NULL,
                passed bigint NOT NULL,
                auto_failed bigint NOT NULL,
                total_sum double precision NOT NULL,
                total_count bigint NOT NULL,
                PRIMARY KEY (rubric_sha256, month, channel, team, shard, status, not_scored_reason)
            );
            CREATE TABLE omniscore.rollup_sections (
                rubric_sha256 text NOT NULL,
                month date NOT NULL,
                channel text NOT NULL,
                team text NOT NULL,
                shard smallint NOT NULL,
                section_id text NOT NULL,
                score_sum double precision NOT NULL,
                score_count bigint NOT NULL,
                PRIMARY KEY (rubric_sha256, month, channel, team, shard, section_id)
            );
            CREATE TABLE omniscore.rollup_criteria (
                rubric_sha256 text NOT NULL,
                month date NOT NULL,
                channel text NOT NULL,
                team text NOT NULL,
                shard smallint NOT NULL,
                criterion_id text NOT NULL,
                passes bigint NOT NULL,
                fails bigint NOT NULL,
                not_applicable bigint NOT NULL,
                PRIMARY KEY (rubric_sha256, month, channel, team, shard, criterion_id)
            );
            -- The review queue reads failures lowest score first and a control share of passes in a fixed
            -- pseudo-random order, each from its own partial index instead of sorting every score.
            CREATE INDEX scores_review_failures ON omniscore.scores (rubric_sha256, total, interaction_id)
                WHERE status = 'scored' AND NOT passed;
            CREATE INDEX scores_review_controls ON omniscore.scores (rubric_sha256, hashtextextended(interaction_id, 0))
                WHERE status = 'scored' AND passed;
            """# + Rollups.addition(scores: "omniscore.scores", criteria: "omniscore.criterion_results").joined(separator: ";\n") + ";"),
        Migration(version: 6, name: "customer outcome and escalation need per score", sql: #"""
            -- The customer signals of rubric 1.1 scorecards, as columns so coaching and the dashboard can average them
            -- without parsing the scorecard. Scores written before have none (NULL).
            ALTER TABLE omniscore.scores ADD COLUMN customer_outcome double precision, ADD COLUMN escalation_need double precision;
            """#),
    ]
}
