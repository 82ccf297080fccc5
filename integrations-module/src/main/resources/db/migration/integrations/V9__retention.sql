-- Retention and collapse rules (issue 13, item 14): every table that grows with traffic has a rule, and each rule
-- finds its rows by index.

-- Events older than the maximum age go whether published or not (Redis away for that long): by write time.
CREATE INDEX outbox_created_at ON outbox (created_at);

-- Idempotency keys expire (IDEMPOTENCY_RETENTION_HOURS) and are pruned in batches, oldest first.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- A repeated POST that reuses the live integration bumps the window's one instance.reused row instead of adding one.
ALTER TABLE audit_log ADD COLUMN repeats integer NOT NULL DEFAULT 1;
CREATE INDEX audit_reused_by_integration ON audit_log (integration_id, at DESC) WHERE action = 'instance.reused';

-- The last instance.duplicate_number report per number: the same instances are not reported again within the
-- cooldown (DUPLICATE_NUMBER_COOLDOWN_HOURS); rows older than it are pruned with the next report.
CREATE TABLE duplicate_number_reports (
    phone_number   varchar(32)  PRIMARY KEY,
    instance_names text         NOT NULL,
    reported_at    timestamptz  NOT NULL
);
CREATE INDEX duplicate_number_reports_by_age ON duplicate_number_reports (reported_at);

-- GET /integrations pages by (created_at, id), newest first (keyset pagination), for every organization or one.
CREATE INDEX integrations_newest_first ON integrations (created_at DESC, id DESC);
CREATE INDEX integrations_by_organization_page ON integrations (organization_id, created_at DESC, id DESC);
