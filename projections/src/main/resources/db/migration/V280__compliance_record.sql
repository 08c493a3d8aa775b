-- Drops of live answers (ABANDONED, SD) have a counter of their own in the stats, `abandoned`, no longer `misc`
-- (SPEC section 4; seed 001's documents still count them under misc); V285 has the stats rebuilt.
ALTER TABLE campaign_stats ADD COLUMN abandoned BIGINT DEFAULT 0 NOT NULL;

-- The compliance record (SPEC sections 3.7 and 4), kept by the compliance processor: one row per dial attempt that
-- the abandonment rule counts (a live answer, connected or dropped) or that broke a rule (its violation), on the UTC
-- day of the call, keyed by the event's global position so a redelivery or a replay writes it once. A new model:
-- its processor has no token at the first start and builds it from the first event.
CREATE TABLE compliance_call (
    global_index BIGINT       NOT NULL,
    campaign_id  BIGINT       NOT NULL,
    account_id   VARCHAR(255) NOT NULL,
    call_day     DATE         NOT NULL,
    -- CONNECTED, DROPPED_WITH_MESSAGE, DROPPED_WITHOUT_MESSAGE (LiveAnswer), or NULL for a violation alone.
    live_answer  VARCHAR(32),
    -- DNC, CALLING_WINDOW (ComplianceViolation), or NULL.
    violation    VARCHAR(32),
    PRIMARY KEY (global_index)
);
CREATE INDEX ix_compliance_call_campaign ON compliance_call (campaign_id, call_day);
CREATE INDEX ix_compliance_call_account ON compliance_call (account_id, call_day);

-- Each campaign's account, for results recorded without request metadata (the simulated dialer's, agents' calls).
CREATE TABLE compliance_campaign (
    campaign_id BIGINT       NOT NULL,
    account_id  VARCHAR(255) NOT NULL,
    PRIMARY KEY (campaign_id)
);
