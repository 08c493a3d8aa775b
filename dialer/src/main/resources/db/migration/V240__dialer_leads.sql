-- The dialable list (leads): who holds a lease on a number and until when (POST /api/campaigns/{id}/leads/claim), and
-- what a campaign's numbers show (GET /api/campaigns/{id}/numbers): the last result, whether it was scrubbed.
-- Numbers recorded before this version have no last result here (their calls are in the audit trail).
ALTER TABLE dialer_number ADD COLUMN lease_owner VARCHAR(255);
ALTER TABLE dialer_number ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE dialer_number ADD COLUMN last_result VARCHAR(32);
ALTER TABLE dialer_number ADD COLUMN scrubbed BOOLEAN DEFAULT FALSE NOT NULL;
