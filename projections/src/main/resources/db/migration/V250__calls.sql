-- Every dial attempt (seed 002's QueryCalls / GetCall): its result from the campaign's events, and the agent's response
-- from the agent session's, joined by call id (CallsProjection; replayable from the events).
CREATE TABLE call_record (
    campaign_id      BIGINT       NOT NULL,
    call_id          VARCHAR(100) NOT NULL,
    number           VARCHAR(32)  NOT NULL,
    result           VARCHAR(32),
    attempt          INTEGER,
    started_at       TIMESTAMP WITH TIME ZONE,
    duration_seconds INTEGER,
    agent_session_id BIGINT,
    violation        VARCHAR(32),
    agent_response   VARCHAR(1000),
    agent_notes      TEXT,
    stored_data      TEXT,
    PRIMARY KEY (campaign_id, call_id)
);
CREATE INDEX ix_call_record_call ON call_record (call_id);
CREATE INDEX ix_call_record_number ON call_record (number, campaign_id);
CREATE INDEX ix_call_record_started ON call_record (campaign_id, started_at);
