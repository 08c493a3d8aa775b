package com.campaignledger.agent.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** loginAgent: with the agent id recited and the same userId; the agent then waits in the queue (READY). */
public record LoginAgentCommand(
        @TargetAggregateIdentifier AgentSessionId sessionId, long campaignId, String userId, Instant at) {}
