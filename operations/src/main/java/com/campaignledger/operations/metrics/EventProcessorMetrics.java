package com.campaignledger.operations.metrics;

import com.campaignledger.operations.deadletters.DeadLetters;
import com.campaignledger.operations.processors.ProcessorReplays;
import com.campaignledger.operations.processors.ProcessorState;
import com.campaignledger.operations.processors.ProcessorStates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges of where each streaming processor stands, beside the counters and timers axon-micrometer keeps
 * (commands, appended events, handled events and failures per processor). Processors are read from Axon
 * once the application has started, so every processor, whoever added it, gets its gauges.
 * <p>
 * Tagged {@code processorName}, as Axon's own processor meters are. Each instance reports the segments it
 * holds; across instances the lowest position is the one that counts.
 */
@Component
class EventProcessorMetrics {

    private final ProcessorStates processors;
    private final DeadLetters deadLetters;
    private final ProcessorReplays replays;
    private final MeterRegistry registry;

    EventProcessorMetrics(
            ProcessorStates processors, DeadLetters deadLetters, ProcessorReplays replays, MeterRegistry registry) {
        this.processors = processors;
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.registry = registry;
    }

    @EventListener(ApplicationStartedEvent.class)
    void register() {
        Gauge.builder("ledger.event.store.head", processors, ProcessorStates::head)
                .description("Global index of the newest event in the store")
                .register(registry);
        for (String name : processors.names()) {
            gauge(
                    "ledger.processor.position",
                    name,
                    null,
                    "Lowest position among this instance's segments",
                    s -> s.holdsSegments() ? s.position() : Double.NaN);
            gauge(
                    "ledger.processor.lag",
                    name,
                    "events",
                    "Events between the processor and the newest event",
                    s -> s.holdsSegments() ? s.lag() : Double.NaN);
            gauge("ledger.processor.running", name, null, "1 while the processor runs", s -> s.running() ? 1 : 0);
            gauge("ledger.processor.segments", name, null, "Segments this instance holds", ProcessorState::segments);
            gauge(
                    "ledger.processor.failing",
                    name,
                    null,
                    "1 while the processor fails on an event",
                    s -> s.error() == null ? 0 : 1);
            // From the replay's progress rather than Axon's replay flag, which stays up after the replay has ended
            // until a new event arrives.
            Gauge.builder(
                            "ledger.processor.replaying",
                            replays,
                            r -> r.progressPercent(name).isPresent() ? 1 : 0)
                    .tags(Tags.of("processorName", name))
                    .description(
                            "1 while this instance replays the processor (rebuilds its model from the first event)")
                    .register(registry);
            Gauge.builder(
                            "ledger.processor.replay.progress",
                            replays,
                            r -> r.progressPercent(name).orElse(Double.NaN))
                    .tags(Tags.of("processorName", name))
                    .baseUnit("percent")
                    .description("How far the replay this instance runs has come (NaN when none runs)")
                    .register(registry);
            Gauge.builder("ledger.processor.dead.letters", deadLetters, d -> lettersOf(d, name))
                    .tags(Tags.of("processorName", name))
                    .description("Events the processor could not handle, waiting in its dead-letter queue")
                    .register(registry);
        }
    }

    private static double lettersOf(DeadLetters deadLetters, String processor) {
        DeadLetters.Summary summary = deadLetters.summaries().get(processor);
        return summary == null ? 0 : summary.letters();
    }

    private void gauge(
            String meter, String processor, String unit, String description, ToDoubleFunction<ProcessorState> value) {
        Gauge.builder(
                        meter,
                        processors,
                        p -> p.state(processor).map(value::applyAsDouble).orElse(Double.NaN))
                .tags(Tags.of("processorName", processor))
                .baseUnit(unit)
                .description(description)
                .register(registry);
    }
}
