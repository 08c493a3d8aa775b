package com.campaignledger.projections.stats;

import com.campaignledger.campaign.billing.CallUsage;

/**
 * A campaign's live statistics. The nine result counters count numbers, each once under its latest result, so
 * they add up to {@code dialed}, which is at most {@code total}; {@code attempts} counts every dial. {@code
 * abandoned} counts the numbers whose latest attempt was a dropped live answer (ABANDONED, SD), which seed 001's
 * documents count under {@code misc}.
 * {@code callSeconds} is the length of every attempt, {@code callMinutes} the same rounded up to whole minutes
 * call by call (what a per-minute tariff bills). {@code scrubbed} counts the numbers kept but never dialled because
 * they are on a do-not-call list; {@code violations} the reported attempts that broke a rule (DNC, calling window).
 */
public record CampaignStats(
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
        long attempts,
        long callSeconds,
        long callMinutes,
        long scrubbed,
        long violations) {

    /** What the campaign's calls add up to for billing. */
    public CallUsage usage() {
        return new CallUsage(callSeconds, callMinutes);
    }

    /** A campaign the processor has not reached yet: nothing counted. */
    public static CampaignStats none(long campaignId) {
        return new CampaignStats(campaignId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
