-- Numbers kept but never dialled because they are on one of the account's do-not-call lists (scrubLevel 1). No number
-- was scrubbed before this version: 0 is every campaign's true count.
ALTER TABLE campaign_stats ADD COLUMN scrubbed BIGINT DEFAULT 0 NOT NULL;
