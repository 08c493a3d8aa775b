package com.campaignledger.agent.session.api;

import java.time.Instant;

/** The session will end after the current call's response is stored. */
public record AgentLogoutRequestedEvent(AgentSessionId sessionId, long campaignId, LogoutReason reason, Instant at) {}
