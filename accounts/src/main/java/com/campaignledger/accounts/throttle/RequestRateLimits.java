package com.campaignledger.accounts.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;

/**
 * The request rate limit ({@code ledger.security.rate-limit}) of whoever a request acts for: a credential, or an
 * agent's invite token. Each holder has a bucket of {@code capacity} requests refilled at {@code capacity} per
 * {@code period}.
 * <p>
 * Refusals are counted ({@code ledger.rate.limit.refusals}) by the kind of holder, the part of its name before the
 * first colon ({@code credential}, {@code invite}), never by the holder.
 */
public class RequestRateLimits {

    private final boolean enabled;
    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;
    private final MeterRegistry meters;

    public RequestRateLimits(boolean enabled, long capacity, Duration period, MeterRegistry meters) {
        this.enabled = enabled;
        this.capacity = capacity;
        this.period = period;
        // A bucket left alone for a period has refilled whole: forgetting it then changes nothing.
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(period)
                .build();
        this.meters = meters;
        // The holders the service has, shown at zero from the start.
        refusals("credential");
        refusals("invite");
    }

    private Counter refusals(String holderKind) {
        return Counter.builder("ledger.rate.limit.refusals")
                .tag("holder", holderKind)
                .description("Requests refused (429) by the request rate limit, by the kind of holder")
                .register(meters);
    }

    /** Takes one request from the holder's bucket: empty when it may go on, else how long until it may. */
    public Optional<Duration> tryConsume(String holder) {
        if (!enabled) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.get(
                        holder,
                        h -> Bucket.builder()
                                .addLimit(b -> b.capacity(capacity).refillGreedy(capacity, period))
                                .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        int colon = holder.indexOf(':');
        refusals(colon < 0 ? "other" : holder.substring(0, colon)).increment();
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** What the 429 says. */
    public String describe() {
        return capacity + " per " + period;
    }
}
