package com.campaignledger.campaign.api;

/**
 * How the dialer paces a campaign (SPEC 3.7): FIXED dials {@code dialRatio} lines per ready agent; ADAPTIVE chooses
 * the lines that keep the drop rate under the campaign's {@code targetDropRate}, at most {@code maxRatio} per agent.
 */
public enum Pacing {
    FIXED,
    ADAPTIVE
}
