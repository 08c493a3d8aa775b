package com.campaignledger.agent.session.api;

import java.time.Instant;

/** The agent's call hung up; the agent enters the response (WRAP_UP). */
public record AgentCallEndedEvent(AgentSessionId sessionId, long campaignId, String callId, Instant at) {}
