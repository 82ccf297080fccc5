-- Paused monitoring (PUT /integrations/{id}/monitoring): until monitoring_paused_until, no alert and no auto-heal for
-- the instance (sweeps still record its status); why and who paused it. All three null: monitored.
ALTER TABLE integrations.integrations
    ADD COLUMN monitoring_paused_until timestamptz,
    ADD COLUMN monitoring_pause_reason varchar(200),
    ADD COLUMN monitoring_paused_by    varchar(128);
