package com.campaignledger.agent.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * storeAgentResponse (and, with {@code answeringMachineTransfer}, answeringMachineTransferStoreAgentResponse):
 * the response for the agent's current call; the agent goes back to the queue, or logs out with {@code lastCall}.
 */
public record StoreAgentResponseCommand(@TargetAggregateIdentifier AgentSessionId sessionId, String callId,
                                        String agentResponse, String agentNotes, boolean lastCall,
                                        boolean answeringMachineTransfer, Instant at) {
}
