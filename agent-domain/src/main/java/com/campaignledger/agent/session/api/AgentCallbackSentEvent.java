package com.campaignledger.agent.session.api;

/** A session opened: the agent's phone was rung to recite the agent id (state CALLBACK_SENT). */
public record AgentCallbackSentEvent(
        AgentSessionId sessionId,
        long campaignId,
        String accountId,
        String userId,
        String phoneNumber,
        String musicOnHold) {}
