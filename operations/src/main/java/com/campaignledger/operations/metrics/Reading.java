package com.campaignledger.operations.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per interval, however many meters ask for it: a scrape reads every series of a table at
 * once, and each series must not cost a query of its own.
 */
final class Reading<T> {

    private final Supplier<T> source;
    private final long intervalNanos;
    private T value;
    private long takenAt;
    private boolean taken;

    Reading(Supplier<T> source, Duration interval) {
        this.source = source;
        this.intervalNanos = interval.toNanos();
    }

    /** The last value, read again when it is older than the interval (one reader at a time reads it). */
    synchronized T get() {
        long now = System.nanoTime();
        if (!taken || now - takenAt >= intervalNanos) {
            value = source.get();
            takenAt = now;
            taken = true;
        }
        return value;
    }
}
