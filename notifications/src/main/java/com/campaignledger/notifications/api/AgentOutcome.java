package com.campaignledger.notifications.api;

import java.time.Instant;
import java.util.Map;

/**
 * What an agent recorded for a live call (seed 001's agentid, agentresponse, notes, responsetime,
 * stored-data). Empty until agent sessions exist: see {@link CallFacts#agent()}.
 */
public record AgentOutcome(String agentId, String agentResponse, String agentNotes, Instant responseTime,
                           Map<String, String> storedData) {

    public AgentOutcome {
        storedData = storedData == null ? Map.of() : Map.copyOf(storedData);
    }
}
