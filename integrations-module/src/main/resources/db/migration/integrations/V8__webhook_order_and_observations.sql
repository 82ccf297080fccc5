-- webhook_event_digest: a fingerprint of the last webhook delivery applied, so that a different event stamped with
-- the same millisecond is applied (later arrival wins) while the same delivery sent again is not.
-- observed_at: when the row's state was last seen to hold (a webhook applied, a sweep's listing), on this service's
-- clock: a sweep observation made before it leaves the row alone even when the status did not change then.
ALTER TABLE integrations
    ADD COLUMN webhook_event_digest varchar(64),
    ADD COLUMN observed_at          timestamptz;
