-- A campaign roster's version, its ETag: counts the roster changes since this table came (a campaign without a row is
-- at 0). Written in the transaction of the roster events (AgentRegistryDirectory); a roster mutation with If-Match
-- locks the row while it checks the version and sends its command, so a stale one is a 412.
CREATE TABLE campaign_roster_version (
    campaign_id BIGINT NOT NULL,
    version     BIGINT NOT NULL,
    PRIMARY KEY (campaign_id)
);
