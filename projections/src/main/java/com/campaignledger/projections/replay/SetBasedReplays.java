package com.campaignledger.projections.replay;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
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
 *     <li>the head H of the event store is read, with the positions at most {@value EventStoreHead#GAP_WINDOW} below
 *     it that no committed event holds yet (transactions still in flight), in one statement;</li>
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

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, SetBasedRebuild> rebuilds;
    private final Environment environment;
    private final int batchSize;
    private final int workers;
    private final Map<String, SetBasedReplayRun> runs = new ConcurrentHashMap<>();
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
        SetBasedReplayRun run = runs.get(name);
        return run != null && !run.failed() ? Optional.of(run.progress()) : Optional.empty();
    }

    /** The progress of the set-based replay of this processor running on this instance, or of its last failure. */
    public Optional<Progress> progress(String name) {
        SetBasedReplayRun run = runs.get(name);
        return run == null ? Optional.empty() : Optional.of(run.progress());
    }

    /** Forgets a failed run once Axon's ordinary replay has finished what it left. */
    public void forget(String name) {
        runs.computeIfPresent(name, (n, run) -> run.failed() ? null : run);
    }

    /**
     * Rebuilds the model of a processor whose tokens were just reset by this instance (which holds every segment's
     * claim) and which is shut down; starts the processor when done, or when it fails.
     */
    public synchronized void start(String name, StreamingEventProcessor processor) {
        TokenStore tokens = processing.tokenStore(name);
        int[] segments = tokens.fetchSegments(name);
        SetBasedReplayRun run = new SetBasedReplayRun(
                name,
                processor,
                rebuilds.get(name),
                tokens,
                segments,
                clock.instant(),
                jdbc,
                transactions,
                batchSize,
                workers,
                () -> closing,
                () -> runs.remove(name));
        runs.put(name, run);
        run.start("set-based-replay-" + name + "-" + threads.incrementAndGet());
    }

    @Override
    public void destroy() {
        closing = true;
        for (SetBasedReplayRun run : runs.values()) {
            Thread thread = run.thread();
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
}
