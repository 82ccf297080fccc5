-- Evolution servers that get no new instances until a health sweep no longer sees why: two servers listing the same
-- instance ids share one database under one client name (the known cause of 440 conflict loops). Written by the
-- sweep (one per cluster), read by every creation's placement.
CREATE TABLE integrations.placement_holds (
    evolution_server varchar(64)  PRIMARY KEY,
    reason           varchar(500) NOT NULL,
    since            timestamptz  NOT NULL
);
