package com.campaignledger.notifications.api;

import com.campaignledger.campaign.api.CallResult;
import java.time.Instant;
import java.util.Map;

/**
 * One finished dial attempt as its notifications describe it (seed 004's Call and CallRecord, seed 001's
 * call-finished). {@code agent} is the extension point for agent sessions: it is null today; once agents
 * record responses, the saga fills it (or defers the call notification until the response is stored).
 */
public record CallFacts(
        String callId,
        String number,
        Map<String, String> extraData,
        String fromNumber,
        CallResult result,
        int attempt,
        Instant startTime,
        int durationSeconds,
        Long agentSessionId,
        boolean finalForNumber,
        Instant recordedAt,
        AgentOutcome agent) {

    public CallFacts {
        extraData = extraData == null ? Map.of() : Map.copyOf(extraData);
    }

    public Instant finishTime() {
        return startTime.plusSeconds(durationSeconds);
    }

    public boolean agentCall() {
        return agentSessionId != null;
    }
}
