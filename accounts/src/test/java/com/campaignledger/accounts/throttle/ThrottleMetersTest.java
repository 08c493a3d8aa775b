package com.campaignledger.accounts.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleMetersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Test
    void failedLoginsLockOutsAndRefusalsAreCountedWithoutLoginOrAddress() {
        LoginLockout lockout = new LoginLockout(3, Duration.ofHours(1), 1, Duration.ofHours(1), meters);
        assertThat(count("ledger.auth.lockouts")).isZero();

        lockout.failed("ann", "10.0.0.1");
        lockout.failed("ann", "10.0.0.1");
        assertThat(count("ledger.auth.lockouts")).isZero();
        lockout.failed("ann", "10.0.0.1");
        assertThat(lockout.lockedFor("ann", "10.0.0.1")).isPresent();
        assertThat(lockout.secretCheck("10.0.0.2")).isEmpty();
        assertThat(lockout.secretCheck("10.0.0.2")).isPresent();

        assertThat(count("ledger.auth.failures", "reason", "bad_credentials")).isEqualTo(3);
        assertThat(count("ledger.auth.lockouts")).isEqualTo(1);
        assertThat(count("ledger.auth.failures", "reason", "locked_out")).isEqualTo(1);
        assertThat(count("ledger.auth.failures", "reason", "throttled")).isEqualTo(1);
        assertThat(meters.getMeters())
                .allSatisfy(m -> assertThat(m.getId().getTags().toString()).doesNotContain("ann", "10.0.0"));
    }

    @Test
    void refusalsOfTheRateLimitAreCountedByKindOfHolder() {
        RequestRateLimits limits = new RequestRateLimits(true, 1, Duration.ofHours(1), meters);
        assertThat(count("ledger.rate.limit.refusals", "holder", "invite")).isZero();

        assertThat(limits.tryConsume("credential:ann")).isEmpty();
        assertThat(limits.tryConsume("credential:ann")).isPresent();

        assertThat(count("ledger.rate.limit.refusals", "holder", "credential")).isEqualTo(1);
        assertThat(count("ledger.rate.limit.refusals", "holder", "invite")).isZero();
    }
}
