package com.campaignledger.agent.session.api;

import java.time.Instant;

/** The agent logged in and waits for a call (READY). */
public record AgentLoggedInEvent(AgentSessionId sessionId, long campaignId, String userId, Instant at) {}
