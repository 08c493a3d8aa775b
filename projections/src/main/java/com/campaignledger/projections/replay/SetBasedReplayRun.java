package com.campaignledger.projections.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One set-based replay of one processor, on a thread of its own ({@link SetBasedReplays} explains the steps): the
 * ranges written side by side, the segments' claims extended meanwhile, the tokens handed over at the head.
 */
final class SetBasedReplayRun {

    // The engine's log: one logger for the replays, whichever class writes the line.
    private static final Logger log = LoggerFactory.getLogger(SetBasedReplays.class);

    private final String name;
    private final StreamingEventProcessor processor;
    private final SetBasedRebuild rebuild;
    private final TokenStore tokens;
    private final int[] segments;
    private final Instant startedAt;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final int workers;
    private final BooleanSupplier closing;
    private final Runnable finished;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long from = 1;
    private volatile long head = -1;
    private volatile long position = 0;
    private volatile String failure;
    private volatile Thread thread;

    /**
     * @param closing  whether the service is stopping: the ranges stop, and the processor is left shut down
     * @param finished called once the processor runs again after a replay that did not fail
     */
    SetBasedReplayRun(
            String name,
            StreamingEventProcessor processor,
            SetBasedRebuild rebuild,
            TokenStore tokens,
            int[] segments,
            Instant startedAt,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            int batchSize,
            int workers,
            BooleanSupplier closing,
            Runnable finished) {
        this.name = name;
        this.processor = processor;
        this.rebuild = rebuild;
        this.tokens = tokens;
        this.segments = segments;
        this.startedAt = startedAt;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.workers = workers;
        this.closing = closing;
        this.finished = finished;
    }

    SetBasedReplays.Progress progress() {
        return new SetBasedReplays.Progress(
                startedAt, startNanos, segments.length, from, position, head, done.get(), failure);
    }

    boolean failed() {
        return failure != null;
    }

    /** The thread this replay runs on, once started. */
    Thread thread() {
        return thread;
    }

    /** Runs this replay on a daemon thread of the given name. */
    void start(String threadName) {
        Thread started = new Thread(this::execute, threadName);
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    private void execute() {
        boolean tokensAtHead = false;
        try {
            tokensAtHead = rebuildAndMoveTokens();
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("Set-based replay of {} failed; Axon's replay from the first event rebuilds it instead", name, e);
        } finally {
            if (!tokensAtHead) {
                // The replay tokens of the reset stay: Axon's replay takes over where this stopped.
                releaseClaims();
            }
            if (!closing.getAsBoolean()) {
                processor.start();
            }
            // Only now: until the processor runs, the listing shows this replay rather than a stopped processor.
            if (failure == null) {
                finished.run();
            }
        }
    }

    /** @return whether the tokens are at the head (with their claims released) */
    private boolean rebuildAndMoveTokens() throws Exception {
        EventStoreHead captured = EventStoreHead.read(jdbc);
        if (captured == null) {
            log.info("Set-based replay of {}: the event store is empty", name);
            return false;
        }
        from = captured.first();
        position = captured.first() - 1;
        head = captured.head();
        log.info(
                "Set-based replay of {}: events {} to {} in ranges of {}, {} at once; {} gaps below the head",
                name,
                captured.first(),
                captured.head(),
                batchSize,
                workers,
                captured.gaps().size());
        writeRanges(captured.first(), captured.head());
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(captured.head(), captured.gaps());
        transactions.executeWithoutResult(status -> {
            for (int segment : segments) {
                tokens.storeToken(token, name, segment);
                tokens.releaseClaim(name, segment);
            }
        });
        log.info(
                "Set-based replay of {} wrote events {} to {} in {} ms; the processor goes on from {}",
                name,
                captured.first(),
                captured.head(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                token);
        return true;
    }

    private void writeRanges(long first, long last) throws Exception {
        int ranges = (int) ((last - first) / batchSize + 1);
        boolean[] written = new boolean[ranges];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean aborted = new AtomicBoolean();
        // An ordered rebuild goes through the ranges in order; one whose rows fold the events of one campaign at a
        // time does so once per share of the campaigns, the shares side by side.
        int partitions = rebuild.ordered() ? (rebuild.partitionable() ? workers : 1) : 1;
        int[] completed = new int[partitions];
        int parallel = rebuild.ordered() ? partitions : Math.min(workers, ranges);
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, thread.getName() + "-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < parallel; w++) {
                int partition = w;
                running.add(pool.submit(() -> {
                    try {
                        if (rebuild.ordered()) {
                            for (int k = 0; k < ranges && !closing.getAsBoolean() && !aborted.get(); k++) {
                                long lo = first + (long) k * batchSize;
                                long hi = Math.min(last, lo + batchSize - 1);
                                write(lo, hi, partition, partitions);
                                completed(completed, partition, k, first, last);
                            }
                        } else {
                            for (int k = next.getAndIncrement();
                                    k < ranges && !closing.getAsBoolean() && !aborted.get();
                                    k = next.getAndIncrement()) {
                                long lo = first + (long) k * batchSize;
                                long hi = Math.min(last, lo + batchSize - 1);
                                write(lo, hi, 0, 1);
                                done.addAndGet(hi - lo + 1);
                                advance(written, k, first, last);
                            }
                        }
                    } catch (RuntimeException e) {
                        aborted.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            long extendEvery = TimeUnit.SECONDS.toNanos(2);
            long extended = System.nanoTime();
            for (Future<?> f : running) {
                while (true) {
                    try {
                        f.get(200, TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException e) {
                        if (System.nanoTime() - extended > extendEvery) {
                            extendClaims();
                            extended = System.nanoTime();
                        }
                    }
                }
            }
            if (closing.getAsBoolean()) {
                throw new IllegalStateException("the service is stopping");
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One range (of one share of the campaigns), in a transaction of its own. */
    private void write(long lo, long hi, int partition, int partitions) {
        transactions.executeWithoutResult(status -> {
            // A range's statements cost enough for PostgreSQL to JIT-compile each, which took longer (0.5 s) than
            // writing 100,000 rows without it. Not waiting for each range's commit to be flushed loses nothing:
            // until the tokens move (a normal commit, which flushes what came before) a crash leaves Axon's replay
            // from the first event.
            jdbc.execute("SET LOCAL jit = off");
            jdbc.execute("SET LOCAL synchronous_commit = off");
            // A range's sorts and hashes (the stats' last result per number) fit in memory rather than spilling
            // to temporary files at the default 4 MB.
            jdbc.execute("SET LOCAL work_mem = '64MB'");
            if (partitions == 1) {
                rebuild.rebuild(lo, hi);
            } else {
                rebuild.rebuild(lo, hi, partition, partitions);
            }
        });
    }

    /** Ordered ranges: every event up to the range all shares have written is done. */
    private synchronized void completed(int[] completed, int partition, int k, long first, long last) {
        completed[partition] = k + 1;
        int all = Arrays.stream(completed).min().orElse(0);
        position = Math.min(last, first + (long) all * batchSize - 1);
        done.set(Math.max(0, position - first + 1));
    }

    /** The position below which every range is written. */
    private synchronized void advance(boolean[] written, int k, long first, long last) {
        written[k] = true;
        int prefix = (int) ((position - first + 1) / batchSize);
        while (prefix < written.length && written[prefix]) {
            prefix++;
        }
        position = Math.min(last, first + (long) prefix * batchSize - 1);
    }

    /** Keeps the segments this instance holds while it writes: another instance would take them after Axon's claim timeout. */
    private void extendClaims() {
        transactions.executeWithoutResult(status -> {
            for (int segment : segments) {
                tokens.extendClaim(name, segment);
            }
        });
    }

    private void releaseClaims() {
        try {
            transactions.executeWithoutResult(status -> {
                for (int segment : segments) {
                    tokens.releaseClaim(name, segment);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not release the claims of {} (they lapse by themselves): {}", name, e.toString());
        }
    }
}
