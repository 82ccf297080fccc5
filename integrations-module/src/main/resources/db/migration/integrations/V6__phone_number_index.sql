-- A webhook that records a connection looks for other connected integrations paired with the same number (the
-- duplicate-number alert): by index, not by a scan of every integration.
CREATE INDEX integrations_connected_by_phone_number ON integrations (phone_number) WHERE status = 'connected';
