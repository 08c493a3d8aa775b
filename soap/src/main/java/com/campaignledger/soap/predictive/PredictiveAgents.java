package com.campaignledger.soap.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** PredictiveService's agent operations (seed 003's agent loop), as the application implements them. */
public interface PredictiveAgents {

    /** getConnectionForAgent's CallType: what the agent's screen needs for the connected call. */
    record ConnectedCall(
            long agentId,
            long campaignId,
            String callId,
            String number,
            Map<String, String> extraData,
            Instant connectedAt,
            String script,
            List<String> questions,
            List<PredictiveCampaigns.Dispositions> dispositionLists,
            List<String> transferNumbers) {}

    /** One row of getAgentStats: seed 003's twelve columns of an agent session. */
    record SessionStats(
            long id,
            long campaignId,
            String phoneNumber,
            String userId,
            Instant loggedIn,
            Instant loggedOut,
            int calls,
            long duration,
            long callsSeconds,
            double avgCallSeconds,
            long responseTime,
            double responsePercent) {}

    /** sendAgentCallBack(WithMusicSetting): rings the agent; the agent id the call recites. */
    long callback(PredictiveCaller caller, long campaignId, String userId, String phoneNumber, String musicOnHold);

    /** loginAgent: with the agent id recited and the same userId. */
    void login(PredictiveCaller caller, long campaignId, long agentId, String userId);

    /**
     * getConnectionForAgent: completes with the call the agent is on at once, with the next one connected within
     * {@code maxWait}, or empty; no thread waits meanwhile.
     */
    CompletableFuture<Optional<ConnectedCall>> awaitConnection(
            PredictiveCaller caller, long campaignId, long agentId, Duration maxWait);

    /**
     * storeAgentResponse; with {@code answeringMachineTransfer}, answeringMachineTransferStoreAgentResponse. With
     * {@code lastCall} the agent is logged out after this call.
     */
    void storeResponse(
            PredictiveCaller caller,
            long campaignId,
            long agentId,
            String callId,
            String agentResponse,
            String agentNotes,
            boolean lastCall,
            boolean answeringMachineTransfer);

    /** kickAgent: hangs up the agent and logs it out. */
    void kick(PredictiveCaller caller, long campaignId, long agentId);

    /** getAgentStats: every agent session of the campaign. */
    List<SessionStats> stats(PredictiveCaller caller, long campaignId);
}
