package com.campaignledger.agent.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The agent logs out; a call in progress ends with it. */
public record LogoutAgentCommand(@TargetAggregateIdentifier AgentSessionId sessionId, Instant at) {
}
