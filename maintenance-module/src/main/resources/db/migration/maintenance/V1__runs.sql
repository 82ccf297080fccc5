-- Every cleanup or health sweep, manual or scheduled, with its JSON summary.
CREATE TABLE runs (
    id           uuid        PRIMARY KEY,
    type         varchar(16) NOT NULL CHECK (type IN ('cleanup', 'health')),
    triggered_by varchar(128) NOT NULL,
    outcome      varchar(16) NOT NULL CHECK (outcome IN ('running', 'completed', 'aborted', 'failed', 'skipped')),
    started_at   timestamptz NOT NULL,
    completed_at timestamptz,
    summary      text
);

CREATE INDEX runs_newest_first ON runs (type, started_at DESC);
