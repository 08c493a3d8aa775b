package com.campaignledger.accounts;

import java.time.Instant;

/** An API credential as the admin endpoints show it: never its secret nor the secret's hash. */
public record Credential(
        String login,
        String accountId,
        CredentialRole role,
        boolean enabled,
        Instant createdAt,
        String createdBy,
        Instant secretChangedAt) {

    /** What a login may be: typed into a Basic header as it is, and written into every event's metadata. */
    public static final String LOGIN_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,127}";

    Credential withEnabled(boolean enabled) {
        return new Credential(login, accountId, role, enabled, createdAt, createdBy, secretChangedAt);
    }

    Credential withSecretChangedAt(Instant at) {
        return new Credential(login, accountId, role, enabled, createdAt, createdBy, at);
    }
}
