package com.campaignledger.agent.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agent logs out; a call in progress ends with it. */
public record LogoutAgentCommand(@TargetAggregateIdentifier AgentSessionId sessionId, Instant at) {}
