-- Alerts as records with a life: raised where a change is recorded (a webhook or a sweep), open until the
-- instance is connected again (or the number no longer shared), acknowledged by an operator. At most one
-- unresolved alert per subject ('instance:<name>' or 'number:<digits>'), whichever node raised it.
CREATE TABLE alerts (
    id              uuid         PRIMARY KEY,
    subject         varchar(300) NOT NULL,
    type            varchar(60)  NOT NULL,
    organization_id varchar(255),
    instance_names  text[]       NOT NULL,
    reason          text,
    body            text         NOT NULL,
    state           varchar(16)  NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
    raised_at       timestamptz  NOT NULL,
    last_notice_at  timestamptz  NOT NULL,
    acknowledged_at timestamptz,
    acknowledged_by varchar(128),
    resolved_at     timestamptz,
    resolution      text
);
CREATE UNIQUE INDEX alerts_one_unresolved_per_subject ON alerts (subject) WHERE state <> 'resolved';
CREATE INDEX alerts_by_subject ON alerts (subject, raised_at DESC);
CREATE INDEX alerts_newest_first ON alerts (raised_at DESC);

-- What the receiver at ALERT_WEBHOOK_URL is owed, written in the transaction that raised, reminded or resolved
-- the alert, and delivered by one relay at a time in the cluster, in order, retried with backoff until a 2xx.
CREATE TABLE alert_notices (
    id              uuid         PRIMARY KEY,
    alert_id        uuid         NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    notice          varchar(16)  NOT NULL CHECK (notice IN ('raised', 'reminder', 'resolved')),
    position        bigserial    NOT NULL,
    created_at      timestamptz  NOT NULL,
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    delivered_at    timestamptz,
    last_failure    varchar(200)
);
CREATE INDEX alert_notices_undelivered ON alert_notices (position) WHERE delivered_at IS NULL;

-- The alerts table keeps what the stamps kept (when an instance was last alerted).
DROP TABLE alert_stamps;
