-- The campaign's pacing as the simulated dialer follows it (SPEC 3.7): FIXED (dial_ratio lines per ready agent) or
-- ADAPTIVE, with its target drop rate and most lines per agent. Campaigns before this version had no pacing: FIXED.
ALTER TABLE dialer_campaign ADD COLUMN pacing VARCHAR(16) DEFAULT 'FIXED' NOT NULL;
ALTER TABLE dialer_campaign ADD COLUMN target_drop_rate DOUBLE PRECISION DEFAULT 0.03 NOT NULL;
ALTER TABLE dialer_campaign ADD COLUMN max_ratio DOUBLE PRECISION DEFAULT 4.0 NOT NULL;
