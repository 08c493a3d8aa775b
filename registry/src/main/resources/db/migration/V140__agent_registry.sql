-- The agent registry, agent groups, campaign rosters and invites (issue 10). Written by a subscribing
-- processor in the transaction that stores the events (AgentRegistryDirectory): the unique keys below refuse
-- a second agent with the same userId, or a second group with the same name, in one account even when two
-- instances write at once, and the losing command's events are rolled back with its row.
CREATE SEQUENCE agent_id_seq START WITH 1 INCREMENT BY 1 CACHE 1;
CREATE SEQUENCE agent_group_id_seq START WITH 1 INCREMENT BY 1 CACHE 1;

CREATE TABLE registry_agent (
    agent_id     BIGINT       NOT NULL,
    account_id   VARCHAR(255) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    user_id      VARCHAR(200) NOT NULL,
    -- userId compared without case: the claim a second registration collides on.
    user_key     VARCHAR(200) NOT NULL,
    email        VARCHAR(254),
    phone_number VARCHAR(32),
    enabled      BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (agent_id),
    CONSTRAINT uq_registry_agent_user UNIQUE (account_id, user_key)
);

CREATE TABLE registry_group (
    group_id   BIGINT       NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    -- The name compared without case; NULL once deleted, which frees the name (NULLs never collide).
    name_key   VARCHAR(200),
    deleted    BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    PRIMARY KEY (group_id),
    CONSTRAINT uq_registry_group_name UNIQUE (account_id, name_key)
);

CREATE TABLE registry_group_member (
    group_id BIGINT NOT NULL,
    agent_id BIGINT NOT NULL,
    PRIMARY KEY (group_id, agent_id)
);
CREATE INDEX ix_registry_group_member_agent ON registry_group_member (agent_id);

CREATE TABLE campaign_roster_agent (
    campaign_id BIGINT       NOT NULL,
    agent_id    BIGINT       NOT NULL,
    account_id  VARCHAR(255) NOT NULL,
    PRIMARY KEY (campaign_id, agent_id)
);
CREATE INDEX ix_campaign_roster_agent_agent ON campaign_roster_agent (agent_id);

CREATE TABLE campaign_roster_group (
    campaign_id BIGINT       NOT NULL,
    group_id    BIGINT       NOT NULL,
    account_id  VARCHAR(255) NOT NULL,
    PRIMARY KEY (campaign_id, group_id)
);
CREATE INDEX ix_campaign_roster_group_group ON campaign_roster_group (group_id);

-- The latest invite of each agent to each campaign. Its token is derived from invite_id with the signing
-- key and never stored; revoked when the agent is disabled or leaves the roster.
CREATE TABLE agent_invite (
    campaign_id BIGINT       NOT NULL,
    agent_id    BIGINT       NOT NULL,
    account_id  VARCHAR(255) NOT NULL,
    invite_id   VARCHAR(64)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    invited_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked     BOOLEAN      NOT NULL,
    PRIMARY KEY (campaign_id, agent_id)
);
