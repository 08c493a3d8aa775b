package com.campaignledger.agent.session.api;

import java.time.Instant;
import java.util.Map;

/** A live call was connected to the agent (ON_CALL). */
public record AgentCallConnectedEvent(
        AgentSessionId sessionId,
        long campaignId,
        String callId,
        String number,
        Map<String, String> extraData,
        Instant at) {

    public AgentCallConnectedEvent {
        extraData = extraData == null ? Map.of() : Map.copyOf(extraData);
    }
}
