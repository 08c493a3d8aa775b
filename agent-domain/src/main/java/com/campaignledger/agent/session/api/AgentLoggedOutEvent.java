package com.campaignledger.agent.session.api;

import java.time.Instant;

/** The session ended (LOGGED_OUT) for {@code reason}. */
public record AgentLoggedOutEvent(AgentSessionId sessionId, long campaignId, LogoutReason reason, Instant at) {}
