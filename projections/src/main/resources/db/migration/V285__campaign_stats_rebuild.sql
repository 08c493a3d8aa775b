-- The drops counted under misc so far move to abandoned (V280): the campaign-stats model is rebuilt from the first
-- event at the next start, as after V170. Its tokens and rows go; the events stay, and the stats show zeros for a
-- campaign until the rebuild reaches it.
DELETE FROM token_entry WHERE processor_name = 'campaign-stats';
DELETE FROM campaign_stats_number;
DELETE FROM campaign_stats;
