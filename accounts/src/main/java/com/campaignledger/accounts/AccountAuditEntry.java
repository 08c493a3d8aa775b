package com.campaignledger.accounts;

import java.time.Instant;

/** One change to an account or a credential: who, when, what (never a secret). */
public record AccountAuditEntry(
        long id, Instant occurredAt, String actor, String action, String accountId, String login, String requestId) {}
