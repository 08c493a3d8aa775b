package com.campaignledger.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.notifications.*}: the SSRF switch, the delivery worker, the retry schedule and the e-mail
 * sender address.
 *
 * @param allowPrivateEndpoints accept endpoints on loopback, link-local and private addresses (tests, labs)
 * @param mailFrom              the From of EMAIL notifications
 */
@ConfigurationProperties("ledger.notifications")
public record NotificationProperties(
        @DefaultValue("false") boolean allowPrivateEndpoints,
        @DefaultValue Delivery delivery,
        @DefaultValue Retry retry,

        @DefaultValue("notifications@campaign-ledger.invalid")
        String mailFrom) {

    /**
     * @param enabled        whether this instance sends (the outbox fills up either way)
     * @param pollInterval   how often the worker looks for due deliveries when nothing wakes it
     * @param threads        deliveries in flight at once on this instance
     * @param maxPerEndpoint deliveries in flight at once to one endpoint (scheme, host, port) on this instance
     * @param connectTimeout TCP/TLS connect time-out of one attempt
     * @param readTimeout    time from sending the request to the response's status line
     * @param lease          how long a claimed delivery stays claimed (longer than one attempt can take)
     */
    public record Delivery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("8") int threads,
            @DefaultValue("2") int maxPerEndpoint,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("2m") Duration lease) {}

    /**
     * Exponential backoff: the n-th failed attempt waits {@code initialDelay × 2^(n-1)}, at most
     * {@code maxDelay}, less up to {@code jitter} of it at random; after {@code maxAttempts} the delivery is dead.
     */
    public record Retry(
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("1m") Duration initialDelay,
            @DefaultValue("24h") Duration maxDelay,
            @DefaultValue("0.2") double jitter) {}
}
