-- The audit trail's index: one row per event of a campaign or of one of its agent sessions. The payload and
-- metadata stay in domain_event_entry (the source of truth) and are joined by global_index when read; these
-- columns exist to filter and page a campaign's history without reading its payloads.
CREATE TABLE campaign_history (
    global_index         BIGINT       NOT NULL,
    campaign_id          BIGINT       NOT NULL,
    account_id           VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    event_type           VARCHAR(100) NOT NULL,
    actor                VARCHAR(255),
    occurred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (global_index)
);
-- Keyset and offset paging of one campaign in event order, and the same under a type or actor filter.
CREATE INDEX ix_campaign_history_campaign ON campaign_history (campaign_id, global_index);
CREATE INDEX ix_campaign_history_type ON campaign_history (campaign_id, event_type, global_index);
CREATE INDEX ix_campaign_history_actor ON campaign_history (campaign_id, actor, global_index);

-- Dispositions per hour (a report added after the history it reports on). One row per counted event, so a
-- redelivered event is one conflicting insert, and the hourly counts are an index-only GROUP BY.
CREATE TABLE disposition_event (
    global_index BIGINT       NOT NULL,
    campaign_id  BIGINT       NOT NULL,
    account_id   VARCHAR(255) NOT NULL,
    hour_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    disposition  VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index, kind)
);
CREATE INDEX ix_disposition_event_campaign ON disposition_event (campaign_id, hour_start, kind, disposition);

-- Each campaign's account, for counted events written without request metadata (the simulated dialer's).
CREATE TABLE disposition_campaign (
    campaign_id BIGINT       NOT NULL,
    account_id  VARCHAR(255) NOT NULL,
    PRIMARY KEY (campaign_id)
);
