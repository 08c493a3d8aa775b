package com.campaignledger.registry.directory;

import java.time.Instant;

/** The latest invite of an agent to a campaign. */
public record InviteView(
        long campaignId, long agentId, String accountId, String inviteId, Instant expiresAt, boolean revoked) {}
