-- A campaign's account in the dialer's call list, and numbers found by number across campaigns: a number put on a
-- do-not-call list is scrubbed from every campaign of the account that has not dialled it to a final result
-- (DncScrubbing). The call list cannot be replayed (it is the dialer's working copy), so the accounts of the
-- campaigns it already holds are copied once from the campaign view.
ALTER TABLE dialer_campaign ADD COLUMN account_id VARCHAR(255);
UPDATE dialer_campaign SET account_id =
    (SELECT v.account_id FROM campaign_view v WHERE v.campaign_id = dialer_campaign.campaign_id);
CREATE INDEX ix_dialer_number_number ON dialer_number (number, campaign_id);
