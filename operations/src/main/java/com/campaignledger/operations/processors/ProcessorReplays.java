package com.campaignledger.operations.processors;

import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.replay.SetBasedReplays;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lists every event processor with where it stands, and rebuilds a read model from the first event: shut its
 * processor down on this instance, reset its tokens (its reset handler empties its tables in the same
 * transaction) and start it again. Commands are served meanwhile; the read model fills up as it catches up.
 * <p>
 * Only read models are replayed. A processor whose handlers act on events (notifications, commands) would act
 * again on the whole past, and one kept in memory or run in the command's transaction has nothing to reset.
 */
@Component
public class ProcessorReplays {

    private static final Logger log = LoggerFactory.getLogger(ProcessorReplays.class);

    private final EventProcessingConfiguration processing;
    private final ProcessorStates states;
    private final SetBasedReplays setBased;
    private final Clock clock;
    private final Map<String, Started> started = new ConcurrentHashMap<>();

    /** Where and when this instance saw a replay start, to measure its rate. */
    private record Started(Instant at, long nanos, long position) {}

    ProcessorReplays(
            EventProcessingConfiguration processing, ProcessorStates states, SetBasedReplays setBased, Clock clock) {
        this.processing = processing;
        this.states = states;
        this.setBased = setBased;
        this.clock = clock;
    }

    public List<ProcessorStatus> list() {
        long head = states.head();
        return processing.eventProcessors().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> status(e.getKey(), e.getValue(), head))
                .toList();
    }

    ProcessorStatus get(String name) {
        return status(name, processor(name), states.head());
    }

    /**
     * Resets the processor's tokens (its reset handler empties its tables). Then either the model is rebuilt in SQL
     * and the processor started at the head ({@link SetBasedReplays}: the row-per-event models on PostgreSQL), or
     * the processor is started at once and rebuilds its read model from the first event.
     */
    public synchronized ProcessorStatus replay(String name) {
        EventProcessor processor = processor(name);
        refusal(name, processor).ifPresent(reason -> {
            throw new ReplayRefusedException("Processor " + name + " cannot be replayed: " + reason);
        });
        if (setBased.underway(name)) {
            throw new ReplayRefusedException("Processor " + name
                    + " is being replayed already: GET /api/admin/processors " + "shows how far it is");
        }
        StreamingEventProcessor streaming = (StreamingEventProcessor) processor;
        boolean inSql = setBased.handles(name);
        log.info("Replay of {} requested: shutting it down to reset its tokens", name);
        streaming.shutDown();
        boolean handedOver = false;
        try {
            streaming.resetTokens();
            if (inSql) {
                setBased.start(name, streaming);
                handedOver = true;
            }
        } catch (UnableToClaimTokenException e) {
            throw new ReplayRefusedException(
                    "Processor " + name + " cannot be replayed now: another instance holds one " + "of its segments ("
                            + e.getMessage() + "). Replay it there, or stop it there first.");
        } finally {
            if (!handedOver) {
                streaming.start();
            }
        }
        started.put(name, new Started(clock.instant(), System.nanoTime(), 0));
        log.info(
                "Replay of {} started: its read model is rebuilt from the first event{}",
                name,
                handedOver ? ", in SQL" : "");
        return get(name);
    }

    private EventProcessor processor(String name) {
        return processing
                .eventProcessor(name)
                .orElseThrow(() -> new ResourceNotFoundException("No event processor " + name));
    }

    private Optional<String> refusal(String name, EventProcessor processor) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return Optional.of("it is a subscribing processor: it runs in the transaction of the command that "
                    + "published the events and keeps no position to reset");
        }
        if (processing.tokenStore(name) instanceof InMemoryTokenStore) {
            return Optional.of("its position is kept in memory by each instance, from the newest event on: "
                    + "it has no stored read model to rebuild");
        }
        if (!streaming.supportsReset()) {
            // Sagas, and the handlers marked @DisallowReplay where they are declared (each says why there).
            return Optional.of("its handlers act rather than build a read model (a saga, or handlers marked "
                    + "@DisallowReplay: notifications, commands, mail, the running dialer's call list): a replay "
                    + "would act on the past again");
        }
        return Optional.empty();
    }

    /** Read afresh rather than from the metrics' one-second cache: a replay just started must show at once. */
    private ProcessorStatus status(String name, EventProcessor processor, long head) {
        String reason = refusal(name, processor).orElse(null);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(
                    name,
                    "subscribing",
                    processor.isRunning() ? "RUNNING" : "STOPPED",
                    null,
                    false,
                    reason,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        ProcessorState state = states.stateOf(name, streaming, head);
        ProcessorStatus.Replay replay = replayOf(name, streaming, state);
        String status = !state.running()
                ? "STOPPED"
                : state.error() != null
                        ? "FAILING"
                        : !state.holdsSegments() ? "STANDBY" : replay != null ? "REPLAYING" : "RUNNING";
        if (replay == null && state.holdsSegments()) {
            // Done (a processor that has just been started holds no segment yet, and is not done).
            started.remove(name);
            setBased.forget(name);
        }
        return new ProcessorStatus(
                name,
                mode(processor),
                status,
                state.error(),
                reason == null,
                reason,
                state.segments(),
                state.position() < 0 ? null : state.position(),
                state.head() < 0 ? null : state.head(),
                state.lag() < 0 ? null : state.lag(),
                replay);
    }

    /**
     * The percent done of the replay this instance runs of the processor, as {@code GET /api/admin/processors} shows it,
     * from the state the meters read (at most a second old); empty when none runs.
     */
    public OptionalDouble progressPercent(String name) {
        Optional<EventProcessor> processor = processing.eventProcessor(name);
        Optional<ProcessorState> state = states.state(name);
        if (processor.isEmpty() || !(processor.get() instanceof StreamingEventProcessor streaming) || state.isEmpty()) {
            return OptionalDouble.empty();
        }
        ProcessorStatus.Replay replay = replayOf(name, streaming, state.get());
        return replay == null ? OptionalDouble.empty() : OptionalDouble.of(replay.progressPercent());
    }

    private ProcessorStatus.Replay replayOf(String name, StreamingEventProcessor streaming, ProcessorState state) {
        Optional<SetBasedReplays.Progress> inSql = setBased.running(name);
        return inSql.isPresent()
                ? setBasedReplay(inSql.get(), state.head())
                : state.replaying() ? replay(name, streaming, state) : null;
    }

    /**
     * The replay's progress, or null once it has reached the position the processor had when it was reset (Axon
     * keeps calling the token a replay token until the next new event arrives after it).
     */
    private ProcessorStatus.Replay replay(String name, StreamingEventProcessor processor, ProcessorState state) {
        long target = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getResetPosition)
                .filter(p -> p.isPresent())
                .mapToLong(p -> p.getAsLong())
                .max()
                .orElse(state.head());
        // A processor just started claims its segments one after the other: until it holds them all, the segments it
        // holds may be far ahead of the others, and the replay counts as not begun (its bar must not go back).
        boolean claimedAll = claimedAll(name, processor);
        if (Math.max(state.position(), 0) >= target && claimedAll) {
            return null;
        }
        long position = claimedAll ? Math.max(state.position(), 0) : 0;
        // A replay started by another instance is measured from when this one first saw it.
        Started since = started.computeIfAbsent(name, n -> new Started(clock.instant(), System.nanoTime(), position));
        double seconds = (System.nanoTime() - since.nanos()) / 1e9;
        Double rate = seconds >= 1 && position > since.position() ? (position - since.position()) / seconds : null;
        Long eta = rate == null ? null : (long) Math.ceil(Math.max(0, target - position) / rate);
        double percent = target <= 0 ? 100 : Math.min(100, Math.floor(position * 1000.0 / target) / 10);
        // A set-based replay that failed left this one to finish the work: say why.
        String fallback =
                setBased.progress(name).map(SetBasedReplays.Progress::failure).orElse(null);
        return new ProcessorStatus.Replay(
                since.at(),
                target,
                percent,
                rate == null ? null : Math.round(rate * 10) / 10.0,
                eta,
                ProcessorStatus.Replay.EVENT_BY_EVENT,
                fallback);
    }

    private boolean claimedAll(String name, StreamingEventProcessor processor) {
        try {
            return processor.processingStatus().size()
                    >= processing.tokenStore(name).fetchSegments(name).length;
        } catch (RuntimeException e) {
            return true; // the token store out of reach: the segments held tell what they can
        }
    }

    /** A set-based replay's progress: the events written up to the head it will hand the processor. */
    private ProcessorStatus.Replay setBasedReplay(SetBasedReplays.Progress p, long currentHead) {
        long target = p.head() < 0 ? currentHead : p.head();
        long total = Math.max(0, target - p.from() + 1);
        double seconds = (System.nanoTime() - p.startNanos()) / 1e9;
        Double rate = seconds >= 0.5 && p.done() > 0 ? p.done() / seconds : null;
        Long eta = rate == null ? null : (long) Math.ceil(Math.max(0, total - p.done()) / rate);
        double percent = total <= 0 || p.head() < 0 ? 0 : Math.min(100, Math.floor(p.done() * 1000.0 / total) / 10);
        return new ProcessorStatus.Replay(
                p.startedAt(),
                target,
                percent,
                rate == null ? null : Math.round(rate * 10) / 10.0,
                eta,
                ProcessorStatus.Replay.SET_BASED,
                null);
    }

    private static String mode(EventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled";
        }
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        return processor instanceof SubscribingEventProcessor
                ? "subscribing"
                : processor.getClass().getSimpleName();
    }
}
