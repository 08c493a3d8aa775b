-- The dialable list's order (fewest attempts first, then by number) as an index: a claim reads the first due rows of
-- the campaign in that order and stops, so 100 leads of a 100,000-number campaign cost what they cost of a small one.
CREATE INDEX ix_dialer_number_claim ON dialer_number (campaign_id, done, attempts, number);
