-- Campaign ids are positive longs handed out by the database, so several service instances never clash.
CREATE SEQUENCE campaign_id_seq START WITH 1 INCREMENT BY 1 CACHE 1;

-- The first response to each idempotency key (CallFire's RequestId or an Idempotency-Key header),
-- written in the same transaction as the events the request caused: a repeat returns it and writes nothing.
CREATE TABLE idempotent_request (
    account_id      VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    response_status INTEGER,
    response_headers VARCHAR(4000),
    response_body   TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX ix_idempotent_request_created ON idempotent_request (created_at);
