package com.campaignledger.dialer.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code scale} times faster than real time from the moment it is made, so a demo
 * or a test sees minutes of ringing, talking and retry waits pass in seconds.
 */
public final class ScaledClock extends Clock {

    private final Instant origin;
    private final long originNanos;
    private final double scale;

    public ScaledClock(Instant origin, double scale) {
        this.origin = origin;
        this.originNanos = System.nanoTime();
        this.scale = scale;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((long) ((System.nanoTime() - originNanos) * scale));
    }

    /** How long, in real milliseconds, {@code simulatedSeconds} take on this clock. */
    public long realMillis(double simulatedSeconds) {
        return Math.max(1, Math.round(simulatedSeconds * 1000 / scale));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulation runs in UTC");
    }
}
