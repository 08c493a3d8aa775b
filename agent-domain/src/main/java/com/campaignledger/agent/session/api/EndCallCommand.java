package com.campaignledger.agent.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agent's current call hung up; the agent now enters the response (WRAP_UP). */
public record EndCallCommand(@TargetAggregateIdentifier AgentSessionId sessionId, String callId, Instant at) {}
