-- The live console stream (GET /maintenance/stream) asks every second, on every node with a listener, which alerts
-- changed and which runs finished since its last look: both by index, never a scan.
CREATE INDEX alerts_changed ON alerts ((greatest(raised_at, last_notice_at, acknowledged_at, resolved_at)));
CREATE INDEX runs_completed ON runs (completed_at) WHERE completed_at IS NOT NULL;
