package com.campaignledger.notifications.api;

import com.campaignledger.campaign.api.CallResult;

/**
 * Seed 001's campaign-stats. The counters count numbers, each once under its latest result, so
 * live + machine + noanswer + dnc + busy + transfer + error + misc = dialed &lt;= total.
 */
public record CampaignStats(long total, long dialed, long live, long machine, long noanswer, long dnc, long busy,
                            long transfer, long error, long misc) {

    public static final CampaignStats NONE = new CampaignStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counter a result is counted under (SPEC §4). */
    public enum Category { LIVE, MACHINE, NOANSWER, DNC, BUSY, TRANSFER, ERROR, MISC }

    public static Category category(CallResult result) {
        return switch (result) {
            case LA -> Category.LIVE;
            case AM -> Category.MACHINE;
            case NO_ANS -> Category.NOANSWER;
            case DNC -> Category.DNC;
            case BUSY -> Category.BUSY;
            case XFER, XFER_LEG -> Category.TRANSFER;
            case INTERNAL_ERROR, CARRIER_ERROR, CARRIER_TEMP_ERROR, INVALID_NUMBER -> Category.ERROR;
            default -> Category.MISC;
        };
    }
}
