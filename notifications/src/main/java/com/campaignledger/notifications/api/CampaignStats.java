package com.campaignledger.notifications.api;

/**
 * Seed 001's campaign-stats. The counters count numbers, each once under its latest result, so
 * live + machine + noanswer + dnc + busy + transfer + error + misc = dialed &lt;= total.
 */
public record CampaignStats(long total, long dialed, long live, long machine, long noanswer, long dnc, long busy,
                            long transfer, long error, long misc) {

    public static final CampaignStats NONE = new CampaignStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
