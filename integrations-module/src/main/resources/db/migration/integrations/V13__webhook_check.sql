-- The rolling webhook check (WEBHOOK_CHECK_PERIOD_MINUTES): when Evolution's stored webhook settings of the instance
-- were last compared with ours. Set when a check takes the row, so that no other node checks it again within the
-- period (the row is the lease).
ALTER TABLE integrations.integrations ADD COLUMN webhook_checked_at timestamptz;
CREATE INDEX integrations_webhook_check_due ON integrations.integrations (webhook_checked_at NULLS FIRST)
    WHERE enabled AND status <> 'deleting';
