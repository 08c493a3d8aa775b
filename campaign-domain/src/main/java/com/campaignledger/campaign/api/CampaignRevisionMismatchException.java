package com.campaignledger.campaign.api;

/** The caller's If-Match names a revision the campaign has moved past (a 412). */
public final class CampaignRevisionMismatchException extends CampaignRuleException {

    private final long expected;
    private final long actual;

    public CampaignRevisionMismatchException(long expected, long actual) {
        super("The campaign is at revision " + actual + ", not " + expected);
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
