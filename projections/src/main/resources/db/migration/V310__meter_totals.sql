-- The calls of each campaign by result, kept by the calls processor beside call_record (CallsProjection) in the same
-- transaction: the meters read the service's calls by result from these few rows (ReadModelTotals) instead of counting
-- call_record, which grows with every dial attempt. Filled here from the rows so far; a replay of the calls model
-- empties and rebuilds both.
CREATE TABLE call_result_total (
    campaign_id BIGINT      NOT NULL,
    result      VARCHAR(32) NOT NULL,
    calls       BIGINT      NOT NULL,
    PRIMARY KEY (campaign_id, result)
);
INSERT INTO call_result_total (campaign_id, result, calls)
    SELECT campaign_id, result, COUNT(*) FROM call_record WHERE result IS NOT NULL GROUP BY campaign_id, result;

-- The agents logged in now, by state, read through this index rather than a scan of every session ever opened.
CREATE INDEX ix_agent_session_view_state ON agent_session_view (state);
