-- Live campaign statistics (seed 001's campaign-stats, SPEC section 4) behind GET /api/campaigns/{id}/stats
-- and /summary, kept by the campaign-stats processor. Counters count numbers, each once under its latest
-- result; attempts counts every dial. The seconds billed feed the summary's cost.
CREATE TABLE campaign_stats (
    campaign_id     BIGINT       NOT NULL,
    account_id      VARCHAR(255) NOT NULL,
    total           BIGINT       NOT NULL,
    dialed          BIGINT       NOT NULL,
    live            BIGINT       NOT NULL,
    machine         BIGINT       NOT NULL,
    noanswer        BIGINT       NOT NULL,
    dnc             BIGINT       NOT NULL,
    busy            BIGINT       NOT NULL,
    transfer        BIGINT       NOT NULL,
    error           BIGINT       NOT NULL,
    misc            BIGINT       NOT NULL,
    attempts        BIGINT       NOT NULL,
    -- Seconds of every dial attempt, and the same rounded up to whole minutes call by call.
    call_seconds    BIGINT       NOT NULL,
    call_minutes    BIGINT       NOT NULL,
    -- The campaign's sequence number of the last event applied, so a redelivered event is skipped.
    last_sequence   BIGINT       NOT NULL,
    PRIMARY KEY (campaign_id)
);

-- Each dialed number's latest result category: what a later attempt moves from one counter to another.
CREATE TABLE campaign_stats_number (
    campaign_id     BIGINT       NOT NULL,
    number          VARCHAR(32)  NOT NULL,
    account_id      VARCHAR(255) NOT NULL,
    category        VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    PRIMARY KEY (campaign_id, number)
);

-- Queries of agent sessions by account (GET /api/agent-sessions), newest first within a campaign or user.
CREATE INDEX ix_agent_session_view_account ON agent_session_view (account_id, session_id);
