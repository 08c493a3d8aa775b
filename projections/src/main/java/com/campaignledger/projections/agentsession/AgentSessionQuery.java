package com.campaignledger.projections.agentsession;

import java.time.Instant;

/**
 * QueryAgentSessions: an account's agent sessions, optionally of one campaign, of one userId, of one registry agent
 * ({@code agentId}: the sessions opened under its current userId, compared without case), open at some moment of
 * [from, to); one page at a time. {@code null} leaves a filter out.
 */
public record AgentSessionQuery(
        String accountId, Long campaignId, String userId, Long agentId, Instant from, Instant to, int page, int size) {}
