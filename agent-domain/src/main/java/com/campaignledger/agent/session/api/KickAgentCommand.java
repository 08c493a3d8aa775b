package com.campaignledger.agent.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** kickAgent: hangs up the agent's phone (and any call) and logs the agent out at once. */
public record KickAgentCommand(@TargetAggregateIdentifier AgentSessionId sessionId, Instant at) {}
