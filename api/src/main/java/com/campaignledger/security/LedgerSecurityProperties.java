package com.campaignledger.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.security.*}: the Basic realm, the request rate limit of each credential and the lock-out
 * after failed logins. The defaults are generous: a limit is there to stop a runaway client, not to shape load.
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(
        @DefaultValue("campaign-ledger") String realm,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Lockout lockout) {

    /**
     * Requests of one credential: a bucket of {@code capacity} requests, refilled at {@code capacity} per
     * {@code period}; an empty bucket answers 429 with Retry-After.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20000") long capacity,
            @DefaultValue("10s") Duration period) {}

    /** After {@code maxFailures} failed logins of one login, that login is refused for {@code duration}. */
    public record Lockout(
            @DefaultValue("10") int maxFailures,
            @DefaultValue("5m") Duration duration) {}
}
