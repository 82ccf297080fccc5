-- The liveness probe (POST /chat/whatsappNumbers): Evolution's "open" is a cached value, so connected instances are
-- probed in turn. probed_at: when the last probe was taken (the rolling probe takes the oldest first);
-- probe_lease_until: a probe under way somewhere in the cluster (never two of one instance at once);
-- probe_failed_at / probe_answer: the instance is connected in Evolution's eyes but a probe found it dead (a zombie),
-- since then, and what the probe got. A status change clears them.
ALTER TABLE integrations.integrations
    ADD COLUMN probed_at         timestamptz,
    ADD COLUMN probe_lease_until timestamptz,
    ADD COLUMN probe_failed_at   timestamptz,
    ADD COLUMN probe_answer      varchar(200);
CREATE INDEX integrations_probe_due ON integrations.integrations (probed_at NULLS FIRST)
    WHERE status = 'connected' AND enabled;

-- a probe's finding is part of the instance's history (connected to connected, reason "zombie: ...")
ALTER TABLE integrations.status_history DROP CONSTRAINT status_history_source_check;
ALTER TABLE integrations.status_history ADD CONSTRAINT status_history_source_check
    CHECK (source IN ('sweep', 'webhook', 'create', 'probe'));
