package com.campaignledger.campaign.api;

import java.time.Instant;

/**
 * One dial attempt's outcome was recorded. {@code finalForNumber} says whether the number is done
 * (its result is not retried, or it used its last attempt); otherwise it is called again from
 * {@code retryAt}. {@code agentSessionId} is the agent who took a live call, if any; {@code violation} what the
 * attempt broke, if anything (null in events recorded before violations were).
 */
public record CallResultRecordedEvent(
        CampaignId campaignId,
        String callId,
        String number,
        CallResult result,
        int attempt,
        Instant startTime,
        int durationSeconds,
        Long agentSessionId,
        boolean finalForNumber,
        Instant retryAt,
        ComplianceViolation violation) {

    /** An attempt that broke nothing. */
    public CallResultRecordedEvent(
            CampaignId campaignId,
            String callId,
            String number,
            CallResult result,
            int attempt,
            Instant startTime,
            int durationSeconds,
            Long agentSessionId,
            boolean finalForNumber,
            Instant retryAt) {
        this(
                campaignId,
                callId,
                number,
                result,
                attempt,
                startTime,
                durationSeconds,
                agentSessionId,
                finalForNumber,
                retryAt,
                null);
    }
}
