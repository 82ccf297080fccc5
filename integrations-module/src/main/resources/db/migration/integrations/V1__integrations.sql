-- One row per WhatsApp integration of an organization, each backed by one Evolution instance.
CREATE TABLE integrations (
    id                uuid         PRIMARY KEY,
    organization_id   varchar(128) NOT NULL,
    type              varchar(32)  NOT NULL DEFAULT 'whatsapp',
    provider          varchar(32)  NOT NULL DEFAULT 'evolution',
    instance_name     varchar(255) NOT NULL UNIQUE,
    status            varchar(16)  NOT NULL
        CHECK (status IN ('pending', 'connecting', 'connected', 'disconnected', 'missing', 'deleting')),
    enabled           boolean      NOT NULL,
    phone_number      varchar(32),
    connected_at      timestamptz,
    disconnect_reason varchar(128),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0,
    CHECK (NOT (enabled AND status = 'deleting'))
);

-- The invariant the whole service exists for: at most one enabled WhatsApp integration per
-- organization, whatever the concurrency.
CREATE UNIQUE INDEX one_enabled_whatsapp_per_org
    ON integrations (organization_id) WHERE enabled AND type = 'whatsapp';

CREATE INDEX integrations_by_organization ON integrations (organization_id, created_at DESC);
