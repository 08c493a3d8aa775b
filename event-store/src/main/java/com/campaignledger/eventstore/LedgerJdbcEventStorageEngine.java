package com.campaignledger.eventstore;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine without the empty reads the embedded store's shared reader makes after each read of new events.
 * <p>
 * That reader (the only caller that passes {@code mayBlock}) reads until a query finds nothing, then reads once more
 * from where it stopped before it waits: a wake-up that brings three events costs three transactions, two of which
 * find nothing (each a query and a gap look-up). Here a read that finds the newest events ends there
 * ({@link #endsTheStore}), and the reader's next read from that same position is answered empty without a query if it follows within
 * {@link #RECENT_NANOS} and no commit of this instance has been reported since ({@link #committed()}): nothing new of
 * ours can be in the store then. A commit reported later wakes the reader again, and events appended by other
 * instances are found by its periodic look, as before. Processors reading on their own (catching up, replays) read as
 * Axon does.
 */
class LedgerJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** The reader's read that follows the one that found events comes within microseconds. */
    static final long RECENT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final AtomicLong commits = new AtomicLong();
    private volatile ShortRead lastShortRead;

    LedgerJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    /** Called after each commit of this instance that appended events, before any reader is woken for it. */
    void committed() {
        commits.incrementAndGet();
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        long commitsBefore = commits.get();
        long now = System.nanoTime();
        ShortRead last = lastShortRead;
        if (last != null
                && last.commits == commitsBefore
                && now - last.at < RECENT_NANOS
                && Objects.equals(last.end, trackingToken)) {
            return Stream.empty();
        }
        List<? extends TrackedEventData<?>> batch = fetchTrackedEvents(trackingToken, batchSize());
        if (batch.isEmpty() || endsTheStore(trackingToken, batch)) {
            TrackingToken end = batch.isEmpty()
                    ? trackingToken
                    : batch.get(batch.size() - 1).trackingToken();
            lastShortRead = new ShortRead(end, commitsBefore, now);
            return batch.stream();
        }
        lastShortRead = null;
        TrackingToken end = batch.get(batch.size() - 1).trackingToken();
        return Stream.concat(batch.stream(), Stream.of(end).flatMap(token -> super.readEventData(token, true)));
    }

    /**
     * A query reads the events whose global index lies in a window of one batch after the token's (and the token's
     * gaps). When the newest event found leaves at least half of that window empty, a later event could only lie
     * beyond a run of thousands of unused indexes: the store has nothing more. (Were it so, the reader would find
     * it at its next periodic look, where an empty window makes Axon look past it.)
     */
    private boolean endsTheStore(TrackingToken token, List<? extends TrackedEventData<?>> batch) {
        if (batch.size() >= batchSize()
                || !(token == null || token instanceof GapAwareTrackingToken)
                || !(batch.get(batch.size() - 1).trackingToken() instanceof GapAwareTrackingToken newest)) {
            return false;
        }
        long windowEnd = (token == null ? -1 : ((GapAwareTrackingToken) token).getIndex()) + batchSize();
        return windowEnd - newest.getIndex() >= batchSize() / 2;
    }

    private record ShortRead(TrackingToken end, long commits, long at) {}
}
