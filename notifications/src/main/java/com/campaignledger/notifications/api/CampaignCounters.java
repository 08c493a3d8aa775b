package com.campaignledger.notifications.api;

/**
 * Seed 001's campaign-stats counters of a campaign, as a notification decision carries them
 * ({@link CampaignNotificationDecidedEvent}, for the campaign-finished postback). The counters count numbers, each
 * once under its latest result ({@link com.campaignledger.campaign.api.CallResult#category()}), so
 * live + machine + noanswer + dnc + busy + transfer + error + misc = dialed &lt;= total.
 * The component names are the stored JSON of decisions already made.
 */
public record CampaignCounters(
        long total,
        long dialed,
        long live,
        long machine,
        long noanswer,
        long dnc,
        long busy,
        long transfer,
        long error,
        long misc) {

    public static final CampaignCounters NONE = new CampaignCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
