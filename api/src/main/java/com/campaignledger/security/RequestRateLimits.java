package com.campaignledger.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The request rate limit ({@code ledger.security.rate-limit}) of whoever a request acts for: a credential, or an
 * agent's invite token. Each holder has a bucket of {@code capacity} requests refilled at {@code capacity} per
 * {@code period}.
 */
@Component
public class RequestRateLimits {

    private final LedgerSecurityProperties.RateLimit limit;
    private final Cache<String, Bucket> buckets;

    RequestRateLimits(LedgerSecurityProperties properties) {
        this.limit = properties.rateLimit();
        // A bucket left alone for a period has refilled whole: forgetting it then changes nothing.
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limit.period())
                .build();
    }

    /** Takes one request from the holder's bucket: empty when it may go on, else how long until it may. */
    public Optional<Duration> tryConsume(String holder) {
        if (!limit.enabled()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.get(
                        holder,
                        h -> Bucket.builder()
                                .addLimit(b ->
                                        b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                                .build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** What the 429 says. */
    public String describe() {
        return limit.capacity() + " per " + limit.period();
    }
}
