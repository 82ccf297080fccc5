-- Events get a cluster-wide order and a per-integration version, assigned by the one relay holding the
-- advisory lock after the writing transaction committed (so the order is commit order, never insert order),
-- and stay in the outbox for the retention period to serve GET /integrations/events?after=<sequence>.
CREATE SEQUENCE outbox_sequence;

ALTER TABLE outbox
    ADD COLUMN position        bigserial,     -- insert order: the order unsequenced committed rows are sequenced in
    ADD COLUMN sequence        bigint UNIQUE, -- null until the relay assigned it
    ADD COLUMN version         bigint,        -- 1, 2, ... per integration, assigned with sequence
    ADD COLUMN integration_id  uuid,
    ADD COLUMN organization_id varchar(128);  -- a member's catch-up reads its own organization only

UPDATE outbox SET integration_id  = CAST(CAST(payload AS json) ->> 'integration_id' AS uuid),
                  organization_id = CAST(payload AS json) ->> 'organization_id';

CREATE INDEX outbox_unsequenced ON outbox (position) WHERE sequence IS NULL AND published_at IS NULL;
CREATE INDEX outbox_unpublished ON outbox (sequence) WHERE sequence IS NOT NULL AND published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at);

-- The last version given to each integration's events; kept when the events themselves are pruned.
CREATE TABLE event_versions (
    integration_id uuid   PRIMARY KEY,
    last_version   bigint NOT NULL
);

-- The highest sequence pruned so far: a catch-up from below it has missed events (410, resync).
CREATE TABLE event_retention (
    only_row       boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    pruned_through bigint  NOT NULL
);
INSERT INTO event_retention (only_row, pruned_through) VALUES (true, 0);
