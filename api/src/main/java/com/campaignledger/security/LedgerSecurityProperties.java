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
        @DefaultValue Lockout lockout,
        @DefaultValue SecretChecks secretChecks) {

    /**
     * Requests of one credential: a bucket of {@code capacity} requests, refilled at {@code capacity} per
     * {@code period}; an empty bucket answers 429 with Retry-After.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20000") long capacity,
            @DefaultValue("10s") Duration period) {}

    /**
     * After {@code maxFailures} failed logins of one login from one client address, that login is refused from that
     * address for {@code duration}: a stranger elsewhere cannot lock the login's owner out.
     */
    public record Lockout(
            @DefaultValue("10") int maxFailures,
            @DefaultValue("5m") Duration duration) {}

    /**
     * Secrets checked with BCrypt (tens of milliseconds of CPU each) for one client address: a bucket of
     * {@code perAddress} refilled at {@code perAddress} per {@code period}; beyond it a login is answered 429 before any
     * hash is checked. A secret once verified is not checked again, so a working client hardly spends any.
     */
    public record SecretChecks(
            @DefaultValue("20") int perAddress,
            @DefaultValue("10s") Duration period) {}
}
