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
 * Failed logins per login name (existing or not: an answer must not tell which logins exist) <b>and</b> client address.
 * Each failure takes a token from a bucket of {@code maxFailures} that is refilled whole once {@code duration} has
 * passed: an empty bucket is a lock-out of that login from that address only, so a stranger guessing elsewhere cannot
 * lock the owner out. A success forgets the failures.
 * <p>
 * And the secrets checked with BCrypt per address ({@code ledger.security.secret-checks} in the service), taken before the hash is
 * checked: a client sending made-up logins and secrets is answered 429 instead of spending the cores on hashes.
 * <p>
 * Per instance: behind a load balancer of n instances a guesser gets at most n times the attempts, still far too few
 * for a 256-bit secret.
 * <p>
 * Counted ({@code ledger.auth.failures} by reason, {@code ledger.auth.lockouts}) with no login or address in the tags:
 * those are the log's.
 */
public class LoginLockout {

    private final int maxFailures;
    private final Duration duration;
    private final int checksPerAddress;
    private final Duration checksPeriod;
    private final Cache<String, Bucket> failures;
    private final Cache<String, Bucket> checks;
    private final Counter badCredentials;
    private final Counter lockedOut;
    private final Counter throttled;
    private final Counter lockouts;

    /**
     * @param maxFailures      failed logins of one login from one address before it is locked there
     * @param duration         how long such a lock-out lasts
     * @param checksPerAddress secrets checked per address, refilled at that many per {@code checksPeriod}
     */
    public LoginLockout(
            int maxFailures, Duration duration, int checksPerAddress, Duration checksPeriod, MeterRegistry meters) {
        this.maxFailures = maxFailures;
        this.duration = duration;
        this.checksPerAddress = checksPerAddress;
        this.checksPeriod = checksPeriod;
        // Bounded: a flood of made-up logins or addresses cannot grow them without limit.
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(duration.multipliedBy(2))
                .build();
        this.checks = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(checksPeriod.multipliedBy(2))
                .build();
        this.badCredentials = failures(meters, "bad_credentials", "an unknown login or a wrong secret");
        this.lockedOut = failures(meters, "locked_out", "a login refused while locked out from its address");
        this.throttled = failures(
                meters,
                "throttled",
                "a login refused before its secret was checked: too many " + "secrets checked for its address");
        this.lockouts = Counter.builder("ledger.auth.lockouts")
                .description("Logins locked from an address after repeated failures")
                .register(meters);
    }

    private static Counter failures(MeterRegistry meters, String reason, String description) {
        return Counter.builder("ledger.auth.failures")
                .tag("reason", reason)
                .description("Failed logins by reason: " + description)
                .register(meters);
    }

    /** How long the login is still locked from this address, or empty when it may try. */
    public Optional<Duration> lockedFor(String login, String address) {
        Bucket bucket = failures.getIfPresent(key(login, address));
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        lockedOut.increment();
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
    }

    public void failed(String login, String address) {
        badCredentials.increment();
        Bucket bucket = failures.get(
                key(login, address),
                l -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(maxFailures).refillIntervally(maxFailures, duration))
                        .build());
        if (bucket.tryConsume(1) && bucket.getAvailableTokens() == 0) {
            lockouts.increment();
        }
    }

    public void succeeded(String login, String address) {
        failures.invalidate(key(login, address));
    }

    /** Takes one secret check of the address: empty when the hash may be checked, else how long until it may. */
    public Optional<Duration> secretCheck(String address) {
        ConsumptionProbe probe = checks.get(
                        address,
                        a -> Bucket.builder()
                                .addLimit(limit ->
                                        limit.capacity(checksPerAddress).refillGreedy(checksPerAddress, checksPeriod))
                                .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        throttled.increment();
        return Optional.of(Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1)));
    }

    private static String key(String login, String address) {
        return login + "\n" + address;
    }
}
