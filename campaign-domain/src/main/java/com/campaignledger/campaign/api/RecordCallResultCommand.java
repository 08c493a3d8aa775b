package com.campaignledger.campaign.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One dial attempt's outcome, reported by the dialer. {@code attempt}, when given, must be the number's
 * next attempt (so a report sent twice is caught); {@code agentSessionId} names the agent of a live call.
 * {@code runningOnly}: accepted only while the campaign is RUNNING (the external dialer's reports, SPEC §3.3);
 * otherwise a call connected before a STOP is still recorded when it ends (the ledger's own dialer and agents).
 * The aggregate checks it, so the REST intake needs no read of the (lagging) campaign view first.
 */
public record RecordCallResultCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        String callId,
        String number,
        CallResult result,
        Integer attempt,
        Instant startTime,
        int durationSeconds,
        Long agentSessionId,
        boolean runningOnly) {

    /** A report of the ledger's own dialer: also accepted while STOPPED. */
    public RecordCallResultCommand(
            CampaignId campaignId,
            String callId,
            String number,
            CallResult result,
            Integer attempt,
            Instant startTime,
            int durationSeconds,
            Long agentSessionId) {
        this(campaignId, callId, number, result, attempt, startTime, durationSeconds, agentSessionId, false);
    }
}
