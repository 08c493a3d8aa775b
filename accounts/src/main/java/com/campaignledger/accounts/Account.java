package com.campaignledger.accounts;

import java.time.Instant;

/** A tenant: owns campaigns, agent sessions, subscriptions and deliveries; its credentials see only them. */
public record Account(String id, String name, boolean enabled, Instant createdAt, String createdBy) {

    Account withEnabled(boolean enabled) {
        return new Account(id, name, enabled, createdAt, createdBy);
    }
}
