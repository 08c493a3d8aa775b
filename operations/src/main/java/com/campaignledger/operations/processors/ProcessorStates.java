package com.campaignledger.operations.processors;

import com.campaignledger.projections.replay.SetBasedReplays;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The state of every streaming event processor Axon runs here, whoever registered it: read models,
 * sagas and processors added later are all found through Axon's {@link EventProcessingConfiguration}.
 * <p>
 * A state is reused for a second: a scrape reads several gauges per processor, and each fresh state costs
 * a query for the head of the event store.
 */
@Component
public class ProcessorStates {

    private static final long REUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final SetBasedReplays setBased;
    private volatile Snapshot last;

    private record Snapshot(long takenAt, List<ProcessorState> states) {}

    public ProcessorStates(EventProcessingConfiguration processing, EventStore eventStore, SetBasedReplays setBased) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.setBased = setBased;
    }

    /** The names of the streaming processors, in a stable order. */
    public List<String> names() {
        return streaming().keySet().stream().sorted().toList();
    }

    /** Every streaming processor's state, at most a second old. */
    public List<ProcessorState> states() {
        Snapshot snapshot = last;
        long now = System.nanoTime();
        if (snapshot == null || now - snapshot.takenAt() > REUSE_NANOS) {
            snapshot = new Snapshot(now, read());
            last = snapshot;
        }
        return snapshot.states();
    }

    /** One processor's state, at most a second old; empty when Axon runs no streaming processor of that name. */
    public Optional<ProcessorState> state(String name) {
        return states().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The global index of the newest event in the store, -1 when it is empty. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private List<ProcessorState> read() {
        long head = head();
        return streaming().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> stateOf(e.getKey(), e.getValue(), head))
                .toList();
    }

    private Map<String, StreamingEventProcessor> streaming() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (StreamingEventProcessor) e.getValue()));
    }

    /**
     * A processor whose model is being rebuilt in SQL (SetBasedReplays) is shut down meanwhile, its segments claimed
     * by the rebuild: it counts as running and replaying, at the position the rebuild has written up to.
     */
    ProcessorState stateOf(String name, StreamingEventProcessor processor, long head) {
        Optional<SetBasedReplays.Progress> rebuild = setBased.running(name);
        if (rebuild.isPresent()) {
            long position = rebuild.get().position();
            return new ProcessorState(
                    name,
                    true,
                    rebuild.get().segments(),
                    position,
                    head,
                    Math.max(0, head - Math.max(position, 0)),
                    true,
                    null);
        }
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = segments.stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min()
                .orElse(-1);
        // Global indexes start at 1: a processor that has read nothing is a whole store behind.
        long lag = segments.isEmpty() ? -1 : Math.max(0, head - Math.max(position, 0));
        String error = segments.stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(EventTrackerStatus::getError)
                .filter(Objects::nonNull)
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .findFirst()
                .orElse(processor.isError() ? "stopped after an error" : null);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        return new ProcessorState(name, processor.isRunning(), segments.size(), position, head, lag, replaying, error);
    }
}
