-- connect and restart calls for one instance must never overlap (two sockets → 440 conflict loops,
-- evolution-api.md §5, §13.11): whoever holds this lease may call; it expires on its own.
ALTER TABLE integrations ADD COLUMN connect_lease_until timestamptz;
