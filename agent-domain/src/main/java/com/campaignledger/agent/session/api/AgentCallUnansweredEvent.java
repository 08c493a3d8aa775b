package com.campaignledger.agent.session.api;

import java.time.Instant;

/**
 * The agent left (kicked or logged out) before storing the response of a connected call: the call's
 * record is closed without one. Carries what the call's result needs, like {@link AgentResponseStoredEvent}.
 */
public record AgentCallUnansweredEvent(
        AgentSessionId sessionId,
        long campaignId,
        String callId,
        String number,
        Instant connectedAt,
        Instant callEndedAt,
        LogoutReason reason) {}
