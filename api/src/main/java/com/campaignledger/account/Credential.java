package com.campaignledger.account;

import java.time.Instant;

/** An API credential as the admin endpoints show it: never its secret nor the secret's hash. */
public record Credential(String login, String accountId, CredentialRole role, boolean enabled, Instant createdAt,
                         String createdBy, Instant secretChangedAt) {
}
