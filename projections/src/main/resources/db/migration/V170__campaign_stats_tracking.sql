-- The campaign-stats processor is now a tracking processor with one segment (application.yml): a pooled one looks
-- for new events every 500 ms, so a recorded call took up to half a second to show in the live stats. One tracking
-- thread cannot take over the four segments the pooled processor left, so the model is rebuilt from the first event
-- at the next start: its tokens and its rows go (the events stay; the stats show zeros for a campaign until the
-- rebuild reaches it).
DELETE FROM token_entry WHERE processor_name = 'campaign-stats';
DELETE FROM campaign_stats_number;
DELETE FROM campaign_stats;
