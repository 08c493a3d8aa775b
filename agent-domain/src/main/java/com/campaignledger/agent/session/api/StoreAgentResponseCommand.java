package com.campaignledger.agent.session.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * storeAgentResponse (and, with {@code answeringMachineTransfer}, answeringMachineTransferStoreAgentResponse):
 * the response for the agent's current call; the agent goes back to the queue, or logs out with {@code lastCall}.
 * {@code storedData} holds the answers the agent stored for the call, question → answer in the agent's order
 * (seed 001's {@code <stored-data>}); null when there are none.
 */
public record StoreAgentResponseCommand(
        @TargetAggregateIdentifier AgentSessionId sessionId,
        String callId,
        String agentResponse,
        String agentNotes,
        boolean lastCall,
        boolean answeringMachineTransfer,
        Instant at,
        Map<String, String> storedData) {

    /** A response without stored data. */
    public StoreAgentResponseCommand(
            AgentSessionId sessionId,
            String callId,
            String agentResponse,
            String agentNotes,
            boolean lastCall,
            boolean answeringMachineTransfer,
            Instant at) {
        this(sessionId, callId, agentResponse, agentNotes, lastCall, answeringMachineTransfer, at, null);
    }
}
