package com.campaignledger.campaign.billing;

/**
 * What a campaign's dial attempts add up to for billing: their seconds, and the same rounded up to whole minutes
 * call by call (what a per-minute tariff bills). Both are kept so that either increment can be applied later.
 */
public record CallUsage(long seconds, long minutes) {

    public static final CallUsage NONE = new CallUsage(0, 0);

    public CallUsage {
        if (seconds < 0 || minutes < 0) {
            throw new IllegalArgumentException("call usage cannot be negative: " + seconds + " s, " + minutes + " min");
        }
    }

    /** This usage and one more dial attempt of {@code durationSeconds}. */
    public CallUsage plusCall(long durationSeconds) {
        return new CallUsage(seconds + durationSeconds, minutes + BillingRule.billedMinutes(durationSeconds));
    }
}
