package com.campaignledger.agent.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The ledger ends a session for {@code reason} (the campaign finished, the agent left the roster):
 * at once when the agent is not on a call, otherwise once the current call's response is stored,
 * so nobody is cut off mid-call.
 */
public record EndAgentSessionCommand(
        @TargetAggregateIdentifier AgentSessionId sessionId, LogoutReason reason, Instant at) {}
