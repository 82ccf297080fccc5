-- Lifecycle bookkeeping: what Evolution gave us, the webhook secret (hashed), and the steps of a
-- deletion so that a crash between any two of them is finished later.
ALTER TABLE integrations
    ADD COLUMN instance_id          varchar(64),
    ADD COLUMN webhook_secret_hash  varchar(64),
    ADD COLUMN deletion_reason      varchar(255),
    ADD COLUMN deletion_actor       varchar(128),
    ADD COLUMN instance_removed_at  timestamptz,
    ADD COLUMN deletion_attempts    integer NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at      timestamptz,
    ADD COLUMN attempt_lease_until  timestamptz;

CREATE INDEX integrations_deleting ON integrations (next_attempt_at) WHERE status = 'deleting';

-- Insert-first claim: one creation in flight per organization. The instance name is recorded
-- before Evolution is asked, so a crash after Evolution created it is adopted by the next create.
CREATE TABLE provisioning_claims (
    organization_id     varchar(128) PRIMARY KEY,
    instance_name       varchar(255) NOT NULL UNIQUE,
    webhook_secret_hash varchar(64)  NOT NULL,
    claimed_by          varchar(64)  NOT NULL,
    claimed_until       timestamptz  NOT NULL,
    created_at          timestamptz  NOT NULL
);

-- Transactional outbox, relayed to the Redis topic whatsapp:instance-events.
CREATE TABLE outbox (
    event_id     uuid        PRIMARY KEY,
    type         varchar(40) NOT NULL,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (created_at) WHERE published_at IS NULL;

-- Who created, reused, deleted or retired what, when and why.
CREATE TABLE audit_log (
    id              bigserial    PRIMARY KEY,
    at              timestamptz  NOT NULL,
    actor           varchar(128) NOT NULL,
    action          varchar(40)  NOT NULL,
    organization_id varchar(128),
    integration_id  uuid,
    instance_name   varchar(255),
    reason          varchar(500)
);
CREATE INDEX audit_by_organization ON audit_log (organization_id, at DESC);
CREATE INDEX audit_newest_first ON audit_log (at DESC);

-- Idempotency-Key replays of POST /integrations/whatsapp.
CREATE TABLE idempotency_keys (
    key             varchar(200) NOT NULL,
    organization_id varchar(128) NOT NULL,
    status          integer      NOT NULL,
    body            text         NOT NULL,
    location        varchar(500),
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (organization_id, key)
);
