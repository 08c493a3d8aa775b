package com.campaignledger.notifications.delivery;

import com.campaignledger.notifications.NotificationProperties;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: {@code initialDelay × 2^(n-1)} after the n-th failure, capped at
 * {@code maxDelay}, less a random share of up to {@code jitter} so that deliveries that failed together
 * (an endpoint that was down) do not all come back at the same instant.
 */
public final class Backoff {

    private final NotificationProperties.Retry retry;
    private final DoubleSupplier random;

    public Backoff(NotificationProperties.Retry retry, DoubleSupplier random) {
        this.retry = retry;
        this.random = random;
    }

    /** Whether a delivery that failed {@code failedAttempts} times in its round is given up on. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= retry.maxAttempts();
    }

    public Duration delayAfter(int failedAttempts) {
        long initial = retry.initialDelay().toMillis();
        long max = retry.maxDelay().toMillis();
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long base = initial > (max >> shift) ? max : Math.min(max, initial << shift);
        double jitter = Math.max(0, Math.min(1, retry.jitter()));
        return Duration.ofMillis(Math.round(base * (1 - jitter * random.getAsDouble())));
    }
}
