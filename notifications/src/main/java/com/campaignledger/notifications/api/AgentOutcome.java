package com.campaignledger.notifications.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an agent recorded for a live call (seed 001's agentid, agentresponse, notes, responsetime,
 * stored-data). {@code storedData} keeps the agent's order (question → answer); empty when none was stored.
 */
public record AgentOutcome(
        String agentId, String agentResponse, String agentNotes, Instant responseTime, Map<String, String> storedData) {

    public AgentOutcome {
        storedData = storedData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(storedData));
    }
}
