package com.campaignledger.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, waking its tracking processors at most once per {@code wakeDelay} rather than after
 * every commit.
 * <p>
 * After each commit Axon's store tells its reader to fetch the new events at once, and every tracking processor that
 * handles them opens a transaction for them alone: under a steady load of commands each processor writes its token,
 * and its rows, once per event. Waiting a few milliseconds first lets the commits of that moment go out as one fetch
 * and reach each processor as one batch, one transaction. Events are never held back longer than the delay, and
 * none is missed: a commit while a wake-up is pending is covered by it, one after it schedules the next.
 */
class CoalescingEventStore extends EmbeddedEventStore {

    private final long delayNanos;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final ScheduledExecutorService waker;

    CoalescingEventStore(Builder builder, Duration wakeDelay) {
        super(builder);
        this.delayNanos = Math.max(0, wakeDelay.toNanos());
        this.waker = delayNanos == 0
                ? null
                : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "event-store-waker");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        // Inside a request's transaction the unit of work reports its commit at its savepoint: the events are not
        // visible until the real commit, and a reader woken before it would find nothing and wait for the next wake.
        AfterCommit.run(() -> wake(events));
    }

    private void wake(List<? extends EventMessage<?>> events) {
        if (storageEngine() instanceof LedgerJdbcEventStorageEngine engine) {
            engine.committed();
        }
        if (waker == null) {
            super.afterCommit(events);
            return;
        }
        if (wakeUpPending.compareAndSet(false, true)) {
            waker.schedule(
                    () -> {
                        // Cleared first: a commit from now on schedules a wake-up of its own.
                        wakeUpPending.set(false);
                        super.afterCommit(events);
                    },
                    delayNanos,
                    TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void shutDown() {
        if (waker != null) {
            waker.shutdownNow();
        }
        super.shutDown();
    }
}
