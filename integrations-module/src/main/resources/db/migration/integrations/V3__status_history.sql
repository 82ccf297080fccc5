-- When the status last changed, and the Evolution timestamp of the newest webhook applied
-- (Evolution's own clock, only ever compared with other deliveries of the same server).
ALTER TABLE integrations
    ADD COLUMN status_changed_at timestamptz,
    ADD COLUMN webhook_event_at  timestamptz;
UPDATE integrations SET status_changed_at = created_at;

-- Every status change, kept after the integration is gone (keyed by instance name).
CREATE TABLE status_history (
    id              bigserial    PRIMARY KEY,
    instance_name   varchar(255) NOT NULL,
    organization_id varchar(128) NOT NULL,
    integration_id  uuid         NOT NULL,
    from_status     varchar(16)  NOT NULL,
    to_status       varchar(16)  NOT NULL,
    reason          varchar(128),
    source          varchar(16)  NOT NULL CHECK (source IN ('sweep', 'webhook', 'create')),
    at              timestamptz  NOT NULL
);
CREATE INDEX status_history_by_instance ON status_history (instance_name, at);
