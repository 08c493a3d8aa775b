package com.campaignledger.accounts.apikey;

import java.time.Instant;

/** An API key as it is listed: never its secret. {@code actor} is what its writes name ({@code key:<id>}). */
public record ApiKey(
        String id,
        String accountId,
        String name,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String revokedBy) {

    public static final String ACTOR_PREFIX = "key:";

    public String actor() {
        return ACTOR_PREFIX + id;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
