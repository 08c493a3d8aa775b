-- API keys, the way seeds 001 and 003 authenticate (apikey, key). A key is "<key_id>.<secret>"; only the
-- secret's SHA-256 is kept: the secret is 256 random bits, so a fast hash is as safe as a slow one and a
-- SOAP call does not pay BCrypt's cost. A revoked key stays, so its writes still name it.
CREATE TABLE api_key (
    key_id      VARCHAR(32)  NOT NULL PRIMARY KEY,
    account_id  VARCHAR(64)  NOT NULL REFERENCES account (account_id),
    name        VARCHAR(200) NOT NULL,
    secret_hash VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    revoked_by  VARCHAR(128)
);
CREATE INDEX ix_api_key_account ON api_key (account_id, created_at);
