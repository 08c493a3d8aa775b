package com.campaignledger.projections.replay;

import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays of the read models that write a row per event, done in SQL on PostgreSQL instead of event by event
 * through Axon (docs/architecture.md, "Replay"). The operations module's ProcessorReplays resets the processor's tokens first, as for
 * any replay: its reset handler empties the model, and every segment gets a replay token from the first event,
 * claimed by this instance, in one transaction. Then, on a thread of its own:
 * <ol>
 *     <li>the head H of the event store is read, with the positions at most {@value #GAP_WINDOW} below it that no
 *     committed event holds yet (transactions still in flight), in one statement;</li>
 *     <li>the model's {@link SetBasedRebuild} writes the events up to H, range by range, each range a transaction
 *     ({@code ledger.replay.set-based.workers} ranges at once); meanwhile the segments' claims are extended, so no
 *     other instance takes them;</li>
 *     <li>every segment's token is set to H with those gaps, as Axon's own token would be, and the claims are released;</li>
 *     <li>the processor starts again: it reads what came after H, and the gaps when they commit.</li>
 * </ol>
 * Should anything fail on the way, the claims are released and the processor started as it stands: its tokens are
 * still the replay tokens of the reset, so Axon's ordinary replay rebuilds the model from the first event (the rows
 * written so far conflict and are skipped). The same happens after a crash, on whichever instance claims the
 * segments once the claims have lapsed.
 */
@Component
public class SetBasedReplays implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SetBasedReplays.class);

    /** Axon's JDBC event store keeps gaps this far below a token's position (its default maxGapOffset). */
    static final int GAP_WINDOW = 10_000;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, SetBasedRebuild> rebuilds;
    private final Environment environment;
    private final int batchSize;
    private final int workers;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile Boolean postgres;
    private volatile boolean closing;

    /**
     * Where a set-based replay stands.
     *
     * @param position the highest position up to which every event has been written (from - 1 before the first range)
     * @param head     H, where the replay ends and the processor takes over
     * @param done     events of the store handed to the rebuild so far
     * @param failure  why the set-based replay stopped, when it did (Axon's ordinary replay then takes over)
     */
    public record Progress(
            Instant startedAt,
            long startNanos,
            int segments,
            long from,
            long position,
            long head,
            long done,
            String failure) {}

    public SetBasedReplays(
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            List<SetBasedRebuild> rebuilds,
            Environment environment,
            @Value("${ledger.replay.set-based.batch-size:100000}") int batchSize,
            @Value("${ledger.replay.set-based.workers:2}") int workers) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.rebuilds =
                rebuilds.stream().collect(Collectors.toMap(SetBasedRebuild::processingGroup, Function.identity()));
        this.environment = environment;
        this.batchSize = Math.max(1, batchSize);
        this.workers = Math.max(1, workers);
    }

    /**
     * Whether a replay of this processor is done here in SQL: on PostgreSQL, for models that have it, unless
     * {@code ledger.replay.set-based.enabled} is false (read at each replay).
     */
    public boolean handles(String name) {
        return environment.getProperty("ledger.replay.set-based.enabled", Boolean.class, true)
                && rebuilds.containsKey(name)
                && processing.tokenStore(name) instanceof JdbcTokenStore
                && postgres();
    }

    /** Whether a set-based replay of this processor runs on this instance now. */
    public boolean underway(String name) {
        return running(name).isPresent();
    }

    /** The progress of the set-based replay of this processor running on this instance now. */
    public Optional<Progress> running(String name) {
        Run run = runs.get(name);
        return run != null && run.failure == null ? Optional.of(run.progress()) : Optional.empty();
    }

    /** The progress of the set-based replay of this processor running on this instance, or of its last failure. */
    public Optional<Progress> progress(String name) {
        Run run = runs.get(name);
        return run == null ? Optional.empty() : Optional.of(run.progress());
    }

    /** Forgets a failed run once Axon's ordinary replay has finished what it left. */
    public void forget(String name) {
        runs.computeIfPresent(name, (n, run) -> run.failure != null ? null : run);
    }

    /**
     * Rebuilds the model of a processor whose tokens were just reset by this instance (which holds every segment's
     * claim) and which is shut down; starts the processor when done, or when it fails.
     */
    public synchronized void start(String name, StreamingEventProcessor processor) {
        int[] segments = processing.tokenStore(name).fetchSegments(name);
        Run run = new Run(name, processor, rebuilds.get(name), segments, clock.instant());
        runs.put(name, run);
        Thread thread = new Thread(run::execute, "set-based-replay-" + name + "-" + threads.incrementAndGet());
        thread.setDaemon(true);
        run.thread = thread;
        thread.start();
    }

    @Override
    public void destroy() {
        closing = true;
        for (Run run : runs.values()) {
            Thread thread = run.thread;
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>)
                    c -> c.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    /** One set-based replay of one processor. */
    private final class Run {

        private final String name;
        private final StreamingEventProcessor processor;
        private final SetBasedRebuild rebuild;
        private final int[] segments;
        private final TokenStore tokens;
        private final Instant startedAt;
        private final long startNanos = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private volatile long from = 1;
        private volatile long head = -1;
        private volatile long position = 0;
        private volatile String failure;
        private volatile Thread thread;

        Run(
                String name,
                StreamingEventProcessor processor,
                SetBasedRebuild rebuild,
                int[] segments,
                Instant startedAt) {
            this.name = name;
            this.processor = processor;
            this.rebuild = rebuild;
            this.segments = segments;
            this.tokens = processing.tokenStore(name);
            this.startedAt = startedAt;
        }

        Progress progress() {
            return new Progress(startedAt, startNanos, segments.length, from, position, head, done.get(), failure);
        }

        void execute() {
            boolean tokensAtHead = false;
            try {
                tokensAtHead = rebuildAndMoveTokens();
            } catch (Exception e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.error(
                        "Set-based replay of {} failed; Axon's replay from the first event rebuilds it instead",
                        name,
                        e);
            } finally {
                if (!tokensAtHead) {
                    // The replay tokens of the reset stay: Axon's replay takes over where this stopped.
                    releaseClaims();
                }
                if (!closing) {
                    processor.start();
                }
                // Only now: until the processor runs, the listing shows this replay rather than a stopped processor.
                if (failure == null) {
                    runs.remove(name);
                }
            }
        }

        /** @return whether the tokens are at the head (with their claims released) */
        private boolean rebuildAndMoveTokens() throws Exception {
            Head captured = captureHead();
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
                                for (int k = 0; k < ranges && !closing && !aborted.get(); k++) {
                                    long lo = first + (long) k * batchSize;
                                    long hi = Math.min(last, lo + batchSize - 1);
                                    write(lo, hi, partition, partitions);
                                    completed(completed, partition, k, first, last);
                                }
                            } else {
                                for (int k = next.getAndIncrement();
                                        k < ranges && !closing && !aborted.get();
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
                if (closing) {
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

        /**
         * The head and, below it, the positions no committed event holds: events of transactions still in flight,
         * which the processor must read when they commit. One statement, so both come from one snapshot; the ranges
         * written afterwards see at least every event this one saw.
         */
        private Head captureHead() {
            return jdbc.query(
                    """
                    WITH bounds AS (SELECT MIN(global_index) AS first, MAX(global_index) AS head FROM domain_event_entry)
                    SELECT b.first, b.head, ARRAY(
                        SELECT g FROM generate_series(GREATEST(1, b.head - ?), b.head - 1) AS g
                        WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE e.global_index = g) ORDER BY g) AS gaps
                    FROM bounds b WHERE b.head IS NOT NULL""",
                    rs -> {
                        if (!rs.next()) {
                            return null;
                        }
                        Array gaps = rs.getArray("gaps");
                        List<Long> missing =
                                Arrays.stream((Long[]) gaps.getArray()).toList();
                        return new Head(rs.getLong("first"), rs.getLong("head"), missing);
                    },
                    GAP_WINDOW);
        }
    }

    private record Head(long first, long head, List<Long> gaps) {}
}
