package com.campaignledger.dialer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of the call flow: the time agents' sessions, calls and the dialer's waits are stamped with. In
 * production it runs at real time (scale 1); it runs {@code scale} times faster from the moment it is made in the
 * demo and in tests, which then see minutes of ringing, talking and retry waits pass in seconds.
 */
public final class CallFlowClock extends Clock {

    private final Instant origin;
    private final long originNanos;
    private final double scale;

    public CallFlowClock(Instant origin, double scale) {
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
