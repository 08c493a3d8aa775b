-- One row per agent session: seed 003's Agent Session Statistics and what the agent is doing now.
CREATE TABLE agent_session_view (
    session_id        BIGINT       NOT NULL,
    campaign_id       BIGINT       NOT NULL,
    account_id        VARCHAR(255) NOT NULL,
    user_id           VARCHAR(255) NOT NULL,
    phone_number      VARCHAR(32)  NOT NULL,
    state             VARCHAR(32)  NOT NULL,
    callback_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    logged_in_at      TIMESTAMP WITH TIME ZONE,
    logged_out_at     TIMESTAMP WITH TIME ZONE,
    logout_reason     VARCHAR(32),
    calls             INTEGER      NOT NULL,
    talk_millis       BIGINT       NOT NULL,
    response_millis   BIGINT       NOT NULL,
    current_call_id   VARCHAR(100),
    current_number    VARCHAR(32),
    current_extra     TEXT,
    connected_at      TIMESTAMP WITH TIME ZONE,
    call_ended_at     TIMESTAMP WITH TIME ZONE,
    last_sequence     BIGINT       NOT NULL,
    PRIMARY KEY (session_id)
);
CREATE INDEX ix_agent_session_view_campaign ON agent_session_view (campaign_id, session_id);
