package com.campaignledger.projections.stats;

import com.campaignledger.campaign.api.CallResult;

import java.util.Locale;

/**
 * The counter of seed 001's campaign-stats a call result is counted under (SPEC section 4): LA live, AM machine,
 * NO_ANS noanswer, DNC dnc, BUSY busy, XFER/XFER_LEG transfer, the error results error, every other result misc.
 */
public enum ResultCategory {
    LIVE, MACHINE, NOANSWER, DNC, BUSY, TRANSFER, ERROR, MISC;

    public static ResultCategory of(CallResult result) {
        return switch (result) {
            case LA -> LIVE;
            case AM -> MACHINE;
            case NO_ANS -> NOANSWER;
            case DNC -> DNC;
            case BUSY -> BUSY;
            case XFER, XFER_LEG -> TRANSFER;
            case INTERNAL_ERROR, CARRIER_ERROR, CARRIER_TEMP_ERROR, INVALID_NUMBER -> ERROR;
            case UNDIALED, SD, POSTPONED, ABANDONED, SKIPPED, DNT -> MISC;
        };
    }

    /** The campaign_stats column that counts this category (one of a fixed set, never input). */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
