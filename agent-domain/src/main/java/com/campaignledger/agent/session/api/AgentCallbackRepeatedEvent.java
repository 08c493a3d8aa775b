package com.campaignledger.agent.session.api;

/** The agent's phone was rung again with the same agent id (agents miss calls). */
public record AgentCallbackRepeatedEvent(
        AgentSessionId sessionId, long campaignId, String phoneNumber, String musicOnHold) {}
