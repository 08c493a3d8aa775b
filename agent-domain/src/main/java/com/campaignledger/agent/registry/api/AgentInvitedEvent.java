package com.campaignledger.agent.registry.api;

import java.time.Instant;

/**
 * The agent was invited to work a campaign. The invite's token is derived from {@code inviteId} with the
 * service's signing key and never stored; a newer invite for the same campaign replaces this one.
 */
public record AgentInvitedEvent(AgentId agentId, long campaignId, String inviteId, Instant expiresAt) {}
