-- Call ids (CallFire's long call id) and agent ids (the id recited to an agent) come from sequences,
-- unique across every instance of the service.
CREATE SEQUENCE call_id_seq START WITH 1 INCREMENT BY 1 CACHE 1;
CREATE SEQUENCE agent_session_id_seq START WITH 1 INCREMENT BY 1 CACHE 1;

-- Every agent session ever opened, and the one open session of each user on each campaign. Written in
-- the same transaction as the agent events (a subscribing processor): a second callback for a user
-- whose session is open finds it, and two concurrent ones collide on the primary key.
CREATE TABLE agent_session_directory (
    session_id  BIGINT       NOT NULL,
    campaign_id BIGINT       NOT NULL,
    account_id  VARCHAR(255) NOT NULL,
    user_id     VARCHAR(255) NOT NULL,
    PRIMARY KEY (session_id)
);
-- The open session also holds the call its agent is on or still has to answer for: the connection
-- long-poll reads it here, consistent with the events, never a call already answered.
CREATE TABLE agent_session_open (
    campaign_id  BIGINT       NOT NULL,
    user_id      VARCHAR(255) NOT NULL,
    session_id   BIGINT       NOT NULL,
    call_id      VARCHAR(100),
    call_number  VARCHAR(32),
    call_extra   TEXT,
    connected_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX ix_agent_session_open_session ON agent_session_open (session_id);

-- The dialer's working copy of each campaign's call list, fed by its own tracking processor.
CREATE TABLE dialer_campaign (
    campaign_id    BIGINT           NOT NULL,
    status         VARCHAR(32)      NOT NULL,
    dial_ratio     DOUBLE PRECISION NOT NULL,
    restrict_begin VARCHAR(8),
    restrict_end   VARCHAR(8),
    dispositions   TEXT,
    PRIMARY KEY (campaign_id)
);
CREATE TABLE dialer_number (
    campaign_id BIGINT       NOT NULL,
    number      VARCHAR(32)  NOT NULL,
    extra_data  TEXT,
    attempts    INTEGER      NOT NULL,
    done        BOOLEAN      NOT NULL,
    retry_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, number)
);
CREATE INDEX ix_dialer_number_due ON dialer_number (campaign_id, done, retry_at);
CREATE TABLE dialer_agent (
    session_id  BIGINT       NOT NULL,
    campaign_id BIGINT       NOT NULL,
    state       VARCHAR(32)  NOT NULL,
    call_id     VARCHAR(100),
    changed_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (session_id)
);
CREATE INDEX ix_dialer_agent_campaign ON dialer_agent (campaign_id, state);
