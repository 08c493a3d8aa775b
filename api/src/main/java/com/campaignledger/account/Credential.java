package com.campaignledger.account;

import java.time.Instant;

/** An API credential as the admin endpoints show it: never its secret nor the secret's hash. */
public record Credential(String login, String accountId, CredentialRole role, boolean enabled, Instant createdAt,
                         String createdBy, Instant secretChangedAt) {

    Credential withEnabled(boolean enabled) {
        return new Credential(login, accountId, role, enabled, createdAt, createdBy, secretChangedAt);
    }

    Credential withSecretChangedAt(Instant at) {
        return new Credential(login, accountId, role, enabled, createdAt, createdBy, at);
    }
}
