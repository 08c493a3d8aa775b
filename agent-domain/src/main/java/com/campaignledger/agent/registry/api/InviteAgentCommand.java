package com.campaignledger.agent.registry.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** SendAgentInvites, for one agent: an invite to work {@code campaignId} until {@code expiresAt}. */
public record InviteAgentCommand(
        @TargetAggregateIdentifier AgentId agentId, long campaignId, String inviteId, Instant expiresAt) {}
