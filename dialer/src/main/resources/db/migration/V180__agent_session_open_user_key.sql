-- One open session per user and campaign whatever the case of the userId (UserIds.key: trimmed, lower case).
-- Sessions opened twice for one user before this rule (ALICE@A.TEST and alice@a.test) stay open and apart, the later
-- ones under a key of their own, until they are logged out; new callbacks find the earliest.
ALTER TABLE agent_session_open ADD COLUMN user_key VARCHAR(255);
UPDATE agent_session_open SET user_key = LOWER(TRIM(user_id));
UPDATE agent_session_open SET user_key = user_key || '#' || CAST(session_id AS VARCHAR(20))
 WHERE EXISTS (SELECT 1 FROM agent_session_open earlier
                WHERE earlier.campaign_id = agent_session_open.campaign_id
                  AND LOWER(TRIM(earlier.user_id)) = LOWER(TRIM(agent_session_open.user_id))
                  AND earlier.session_id < agent_session_open.session_id);
ALTER TABLE agent_session_open ALTER COLUMN user_key SET NOT NULL;
CREATE UNIQUE INDEX ux_agent_session_open_user_key ON agent_session_open (campaign_id, user_key);
