-- The campaign read model behind GET /api/campaigns and /api/campaigns/{id}.
-- The whole view is one JSON document; the columns beside it exist to filter, sort and page.
CREATE TABLE campaign_view (
    campaign_id     BIGINT       NOT NULL,
    account_id      VARCHAR(255) NOT NULL,
    name            VARCHAR(255) NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    created         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified   TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    -- The aggregate sequence number of the last event applied, so a redelivered event is skipped.
    last_sequence   BIGINT       NOT NULL,
    deleted         BOOLEAN      NOT NULL,
    document        TEXT         NOT NULL,
    PRIMARY KEY (campaign_id)
);
CREATE INDEX ix_campaign_view_account ON campaign_view (account_id, deleted, campaign_id);

CREATE TABLE campaign_view_label (
    campaign_id BIGINT       NOT NULL,
    label       VARCHAR(255) NOT NULL,
    PRIMARY KEY (campaign_id, label)
);
CREATE INDEX ix_campaign_view_label ON campaign_view_label (label);
