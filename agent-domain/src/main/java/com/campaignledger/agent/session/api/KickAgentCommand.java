package com.campaignledger.agent.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** kickAgent: hangs up the agent's phone (and any call) and logs the agent out at once. */
public record KickAgentCommand(@TargetAggregateIdentifier AgentSessionId sessionId, Instant at) {
}
