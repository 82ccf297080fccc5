-- When an alert last went out about an instance: at most one per instance per cooldown window, across
-- restarts and across the nodes of a cluster (only the node holding the health lease writes here).
CREATE TABLE alert_stamps (
    instance_name varchar(255) PRIMARY KEY,
    last_sent_at  timestamptz  NOT NULL,
    kind          varchar(40)  NOT NULL
);

-- Every restart the auto-heal attempted: at most N per instance per hour, whichever node tried.
CREATE TABLE restart_attempts (
    id            bigserial    PRIMARY KEY,
    instance_name varchar(255) NOT NULL,
    at            timestamptz  NOT NULL,
    outcome       varchar(16)  NOT NULL
);
CREATE INDEX restart_attempts_by_instance ON restart_attempts (instance_name, at);
