-- Maintenance windows (POST /maintenance/windows): while one is on, sweeps still record but alerts and the auto-heal
-- are held for the instances on its servers (servers NULL: every server). At its start one node takes a snapshot of
-- the fleet, at its end (ends_at, or ended early by DELETE) one node compares the fleet with it and raises one
-- summary alert. Each step is leased to one node (claimed_by / claim_until, compared with now()) and committed only
-- by its claimant, together with its alert: exactly once in the cluster, and a dead node's step is redone.
CREATE TABLE windows (
    id            uuid         PRIMARY KEY,
    starts_at     timestamptz  NOT NULL,
    ends_at       timestamptz  NOT NULL,
    reason        varchar(500) NOT NULL,
    servers       text[],
    created_by    varchar(128) NOT NULL,
    created_at    timestamptz  NOT NULL,
    ended_at      timestamptz,
    ended_by      varchar(128),
    snapshot      text,
    snapshot_at   timestamptz,
    summary       text,
    summarized_at timestamptz,
    alert_id      uuid,
    claimed_by    uuid,
    claim_until   timestamptz,
    CHECK (ends_at > starts_at)
);
-- what is on now (the held check of every alert and restart) and what is due (the timer): windows not summarized yet
CREATE INDEX windows_open ON windows (starts_at, ends_at) WHERE summarized_at IS NULL;
CREATE INDEX windows_newest_first ON windows (starts_at DESC);
