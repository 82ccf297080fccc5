-- Re-pairing a clinic (POST /integrations/{id}/pairing, GET .../pairing/events): what a pairing session showed and
-- how it ended, read by every node that holds a stream of it (a webhook received by one node reaches a stream held
-- by another). The id is the server-sent event id: inserts for one integration are serialized by a lock on its row,
-- so a stream that read up to id N never misses a later-committed smaller id of the same integration.
CREATE TABLE pairing_events (
    id             bigserial    PRIMARY KEY,
    integration_id uuid         NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    kind           varchar(16)  NOT NULL CHECK (kind IN ('qr', 'connected', 'refused', 'expired')),
    data           text         NOT NULL,
    -- SHA-256 of the QR code's text: the code a connect call answered arrives again as a webhook, shown once
    qr_digest      varchar(64),
    recorded_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX pairing_events_of_integration ON pairing_events (integration_id, id);
CREATE INDEX pairing_events_recorded ON pairing_events (recorded_at);

-- A pairing session runs while Evolution shows codes: until the last code's expiry plus a grace. NULL: none runs.
ALTER TABLE integrations ADD COLUMN pairing_until timestamptz;
