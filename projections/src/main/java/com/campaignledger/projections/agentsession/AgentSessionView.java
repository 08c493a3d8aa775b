package com.campaignledger.projections.agentsession;

import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.agent.session.api.LogoutReason;
import java.time.Instant;
import java.util.Map;

/**
 * An agent session: who, on which campaign, what the agent is doing now (its current call, if any) and the
 * running totals behind seed 003's Agent Session Statistics.
 */
public record AgentSessionView(
        long sessionId,
        long campaignId,
        String accountId,
        String userId,
        String phoneNumber,
        AgentState state,
        Instant callbackAt,
        Instant loggedInAt,
        Instant loggedOutAt,
        LogoutReason logoutReason,
        int calls,
        long talkMillis,
        long responseMillis,
        CurrentCall currentCall) {

    /** The call the agent is on or still has to answer for. */
    public record CurrentCall(
            String callId, String number, Map<String, String> extraData, Instant connectedAt, Instant endedAt) {}
}
