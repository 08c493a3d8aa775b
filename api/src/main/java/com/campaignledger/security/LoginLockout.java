package com.campaignledger.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;

/**
 * Failed logins per login name, existing or not (an answer must not tell which logins exist). Each failure
 * takes a token from a bucket of {@code maxFailures} that is refilled whole once {@code duration} has passed:
 * an empty bucket is a lock-out. A success forgets the failures. Per instance: behind a load balancer of n
 * instances a guesser gets at most n times the attempts, still far too few for a 256-bit secret.
 */
class LoginLockout {

    private final int maxFailures;
    private final Duration duration;
    private final Cache<String, Bucket> failures;

    LoginLockout(LedgerSecurityProperties.Lockout settings) {
        this.maxFailures = settings.maxFailures();
        this.duration = settings.duration();
        // Bounded: a flood of made-up logins cannot grow it without limit.
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(duration.multipliedBy(2))
                .build();
    }

    /** How long the login is still locked, or empty when it may try. */
    Optional<Duration> lockedFor(String login) {
        Bucket bucket = failures.getIfPresent(login);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
    }

    void failed(String login) {
        failures.get(
                        login,
                        l -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(maxFailures).refillIntervally(maxFailures, duration))
                                .build())
                .tryConsume(1);
    }

    void succeeded(String login) {
        failures.invalidate(login);
    }
}
