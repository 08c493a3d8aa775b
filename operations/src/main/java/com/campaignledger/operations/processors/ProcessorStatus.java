package com.campaignledger.operations.processors;

import java.time.Instant;

/**
 * One event processor as {@code GET /api/admin/processors} shows it.
 *
 * @param mode                pooled, tracking or subscribing
 * @param status              RUNNING, REPLAYING, FAILING, STOPPED, or STANDBY (runs, but another instance holds its segments)
 * @param replayable          whether {@code POST .../replay} may rebuild it; when not, {@code notReplayableReason} says why
 * @param position            lowest global position this instance's segments have read (null for subscribing processors)
 * @param head                global position of the newest event in the store
 * @param lag                 events between {@code position} and {@code head}
 * @param replay              progress of a running replay, else null
 */
public record ProcessorStatus(
        String name,
        String mode,
        String status,
        String error,
        boolean replayable,
        String notReplayableReason,
        Integer segments,
        Long position,
        Long head,
        Long lag,
        Replay replay) {

    /**
     * A replay in progress on this instance.
     *
     * @param targetPosition  where the replay ends: the position the processor had reached when it was reset (set-based:
     *                        the head of the store when it started)
     * @param progressPercent position / targetPosition × 100
     * @param eventsPerSecond events replayed per second since the replay started (or since this instance saw it)
     * @param etaSeconds      seconds left at that rate, null until a rate is known
     * @param method          {@code set-based}: the model is written in SQL from the event table up to
     *                        {@code targetPosition} (the head when it started), then the processor goes on from there;
     *                        {@code event-by-event}: the processor reads every event from the first
     * @param fallbackReason  why a set-based replay stopped and left the rest to the event-by-event one, else null
     */
    public record Replay(
            Instant startedAt,
            long targetPosition,
            double progressPercent,
            Double eventsPerSecond,
            Long etaSeconds,
            String method,
            String fallbackReason) {

        public static final String SET_BASED = "set-based";
        public static final String EVENT_BY_EVENT = "event-by-event";
    }
}
