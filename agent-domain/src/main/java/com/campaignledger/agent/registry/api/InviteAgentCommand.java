package com.campaignledger.agent.registry.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** SendAgentInvites, for one agent: an invite to work {@code campaignId} until {@code expiresAt}. */
public record InviteAgentCommand(@TargetAggregateIdentifier AgentId agentId, long campaignId, String inviteId,
                                 Instant expiresAt) {
}
