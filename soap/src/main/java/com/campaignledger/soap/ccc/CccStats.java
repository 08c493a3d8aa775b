package com.campaignledger.soap.ccc;

import java.math.BigDecimal;

/** GetCccCampaignStats, as the application reads it for the REST row's live stats. */
public interface CccStats {

    /** The live counters of a campaign, as the REST row's stats name them. */
    record Counts(
            long campaignId,
            long total,
            long dialed,
            long live,
            long machine,
            long noanswer,
            long dnc,
            long busy,
            long transfer,
            long error,
            long misc,
            long abandoned,
            BigDecimal dropRate,
            long attempts,
            long scrubbed,
            long violations,
            long agentsLoggedIn,
            long agentsReady,
            long agentsOnCall) {}

    /** The campaign's counters, for the credential that authenticated the current request. */
    Counts of(long campaignId);
}
