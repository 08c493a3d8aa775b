package com.campaignledger.agent.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The agent's current call hung up; the agent now enters the response (WRAP_UP). */
public record EndCallCommand(@TargetAggregateIdentifier AgentSessionId sessionId, String callId, Instant at) {
}
