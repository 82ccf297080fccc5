-- An adopted instance gets a fresh webhook secret; when Evolution could not be told it, the instance may still send a
-- secret that matches no stored hash. Such a row is flagged until a retry sets the secret (backing off per row).
ALTER TABLE integrations
    ADD COLUMN webhook_unverified      boolean NOT NULL DEFAULT false,
    ADD COLUMN webhook_attempts        integer NOT NULL DEFAULT 0,
    ADD COLUMN webhook_next_attempt_at timestamptz;

CREATE INDEX integrations_webhook_unverified ON integrations (webhook_next_attempt_at) WHERE webhook_unverified;
