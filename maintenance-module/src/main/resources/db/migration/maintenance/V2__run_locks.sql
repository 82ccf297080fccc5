-- One row per run type: whoever holds an unexpired lease runs that type, on whichever node of the
-- cluster. Claimed with UPDATE ... WHERE lease_until < now(); a lease row (unlike a session advisory
-- lock) does not care which pooled connection claimed it, and a crashed holder's lease runs out.
CREATE TABLE run_locks (
    run_type    varchar(16) PRIMARY KEY CHECK (run_type IN ('cleanup', 'health')),
    holder      uuid,
    lease_until timestamptz NOT NULL
);

INSERT INTO run_locks (run_type, holder, lease_until) VALUES ('cleanup', NULL, '-infinity'), ('health', NULL, '-infinity');
