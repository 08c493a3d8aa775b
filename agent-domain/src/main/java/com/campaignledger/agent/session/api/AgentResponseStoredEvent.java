package com.campaignledger.agent.session.api;

import java.time.Instant;
import java.util.Map;

/**
 * The agent stored the response for a call. Carries what the call's record needs: the number, when the
 * call was connected and ended, and whether the agent left the answering-machine message instead
 * ({@code answeringMachine}: the call's result is AM, not LA). {@code storedData} is the answers the agent
 * stored, question → answer in the agent's order; null when there were none, and in events written before it
 * existed.
 */
public record AgentResponseStoredEvent(
        AgentSessionId sessionId,
        long campaignId,
        String callId,
        String number,
        String agentResponse,
        String agentNotes,
        boolean answeringMachine,
        boolean lastCall,
        Instant connectedAt,
        Instant callEndedAt,
        Instant at,
        Map<String, String> storedData) {

    /** A response without stored data. */
    public AgentResponseStoredEvent(
            AgentSessionId sessionId,
            long campaignId,
            String callId,
            String number,
            String agentResponse,
            String agentNotes,
            boolean answeringMachine,
            boolean lastCall,
            Instant connectedAt,
            Instant callEndedAt,
            Instant at) {
        this(
                sessionId,
                campaignId,
                callId,
                number,
                agentResponse,
                agentNotes,
                answeringMachine,
                lastCall,
                connectedAt,
                callEndedAt,
                at,
                null);
    }
}
