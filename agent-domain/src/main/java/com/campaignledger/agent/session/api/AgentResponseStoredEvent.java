package com.campaignledger.agent.session.api;

import java.time.Instant;

/**
 * The agent stored the response for a call. Carries what the call's record needs: the number, when the
 * call was connected and ended, and whether the agent left the answering-machine message instead
 * ({@code answeringMachine}: the call's result is AM, not LA).
 */
public record AgentResponseStoredEvent(AgentSessionId sessionId, long campaignId, String callId, String number,
                                       String agentResponse, String agentNotes, boolean answeringMachine,
                                       boolean lastCall, Instant connectedAt, Instant callEndedAt, Instant at) {
}
