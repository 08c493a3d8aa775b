package com.campaignledger.campaign.api;

import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One dial attempt's outcome, reported by the dialer. {@code attempt}, when given, must be the number's
 * next attempt (so a report sent twice is caught); {@code agentSessionId} names the agent of a live call.
 * {@code runningOnly}: accepted only while the campaign is RUNNING (the external dialer's reports, SPEC §3.3);
 * otherwise a call connected before a STOP is still recorded when it ends (the ledger's own dialer and agents).
 * The aggregate checks it, so the REST intake needs no read of the (lagging) campaign view first.
 * <p>
 * {@code onDnc} (the number is on one of the account's do-not-call lists) and {@code numberZone} (its local time
 * zone) are found by the intake: the aggregate records, never refuses, an attempt to a DNC number or one outside its
 * calling window, with the violation.
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
        boolean runningOnly,
        boolean onDnc,
        ZoneId numberZone) {

    /** A report that broke nothing. */
    public RecordCallResultCommand(
            CampaignId campaignId,
            String callId,
            String number,
            CallResult result,
            Integer attempt,
            Instant startTime,
            int durationSeconds,
            Long agentSessionId,
            boolean runningOnly) {
        this(
                campaignId,
                callId,
                number,
                result,
                attempt,
                startTime,
                durationSeconds,
                agentSessionId,
                runningOnly,
                false,
                null);
    }

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
