-- Reported dial attempts that broke a rule (a number on a DNC list, a call outside its calling window): recorded, never
-- refused. None was recorded with a violation before this version: 0 is every campaign's true count.
ALTER TABLE campaign_stats ADD COLUMN violations BIGINT DEFAULT 0 NOT NULL;
