-- Which Evolution server holds each instance (EVOLUTION_SERVERS); every existing row lives on the one server "default"
-- (EVOLUTION_URL). A claim records its server before Evolution is asked, like its instance name, so that a taken-over
-- creation looks on the same server.
ALTER TABLE integrations.integrations ADD COLUMN evolution_server varchar(32) NOT NULL DEFAULT 'default';
ALTER TABLE integrations.provisioning_claims ADD COLUMN evolution_server varchar(32) NOT NULL DEFAULT 'default';
CREATE INDEX integrations_evolution_server ON integrations.integrations (evolution_server);
