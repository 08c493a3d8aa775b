-- Do-not-call lists and their numbers (dnc module). Written by a subscribing processor in the transaction that stores
-- the events (DncDirectory): a number is on DNC the moment its command is acknowledged, and two default lists of one
-- account cannot both be made (dnc_default_list's key).
CREATE SEQUENCE dnc_list_id_seq START WITH 1 INCREMENT BY 1 CACHE 1;

CREATE TABLE dnc_list (
    list_id      BIGINT       NOT NULL,
    account_id   VARCHAR(255) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    default_list BOOLEAN      NOT NULL,
    deleted      BOOLEAN      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (list_id)
);
CREATE INDEX ix_dnc_list_account ON dnc_list (account_id, list_id);

CREATE TABLE dnc_default_list (
    account_id VARCHAR(255) NOT NULL,
    list_id    BIGINT       NOT NULL,
    PRIMARY KEY (account_id)
);

CREATE TABLE dnc_number (
    list_id     BIGINT       NOT NULL,
    number      VARCHAR(32)  NOT NULL,
    account_id  VARCHAR(255) NOT NULL,
    reason      VARCHAR(500),
    source      VARCHAR(16)  NOT NULL,
    campaign_id BIGINT,
    call_id     VARCHAR(100),
    actor       VARCHAR(255),
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (list_id, number)
);
-- "Is this number on any of the account's lists?", asked at every upload and every claim.
CREATE INDEX ix_dnc_number_account ON dnc_number (account_id, number);
