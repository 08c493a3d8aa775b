package com.campaignledger.operations.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.stereotype.Component;

/**
 * The meters of Axon's command bus, query bus, event store and event processors that docs/operations.md lists, under
 * the names and tags axon-micrometer gives them, each looked up once per component and payload type.
 * <p>
 * axon-micrometer (whose auto-configuration is switched off) looks up four timers, five counters and two gauges for
 * every message in every component, and keeps a sliding window of durations per processor: with a dozen processors
 * seeing each event that was a tenth of the service's CPU under load (docs/benchmarks.md). Kept here: per command and
 * query, a timer with percentiles and success and failure counters; per appended event, a timer and a counter; per
 * processor, success and failure counters per event type and the age of the last event handled.
 */
@Component
class AxonMessageMetrics implements ConfigurerModule {

    static final String PAYLOAD_TYPE = "payloadType";
    static final String PROCESSOR_NAME = "processorName";

    private final MeterRegistry registry;

    AxonMessageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> this::monitor);
    }

    MessageMonitor<Message<?>> monitor(Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new ProcessorMonitor(componentName);
        }
        if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)) {
            return new BusMonitor(componentName, true);
        }
        if (EventBus.class.isAssignableFrom(componentType)) {
            return new BusMonitor(componentName, false);
        }
        return NoOpMessageMonitor.instance();
    }

    /** A timer and success and failure counters per payload type (the event store counts appends without tags). */
    private final class BusMonitor implements MessageMonitor<Message<?>> {

        private record Meters(Timer all, Counter success, Counter failure) {}

        private final String name;
        private final boolean countPerPayloadType;
        private final Map<Class<?>, Meters> meters = new ConcurrentHashMap<>();

        BusMonitor(String name, boolean countPerPayloadType) {
            this.name = name;
            this.countPerPayloadType = countPerPayloadType;
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            Meters m = meters.computeIfAbsent(message.getPayloadType(), this::register);
            long start = System.nanoTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    m.all.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    m.success.increment();
                }

                @Override
                public void reportFailure(Throwable cause) {
                    m.all.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    m.failure.increment();
                }

                @Override
                public void reportIgnored() {
                    m.all.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
            };
        }

        private Meters register(Class<?> payloadType) {
            Tags typed = Tags.of(PAYLOAD_TYPE, payloadType.getSimpleName());
            Tags counted = countPerPayloadType ? typed : Tags.empty();
            // As axon-micrometer builds its timers: percentiles over the last ten minutes.
            Timer all = Timer.builder(name + ".allTimer")
                    .tags(typed)
                    .distributionStatisticExpiry(Duration.ofMinutes(10))
                    .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                    .register(registry);
            return new Meters(
                    all,
                    registry.counter(name + ".successCounter", counted),
                    registry.counter(name + ".failureCounter", counted));
        }
    }

    /** Per processor: success and failure counters per event type, and how old the last event it took was. */
    private final class ProcessorMonitor implements MessageMonitor<Message<?>> {

        private record Meters(Counter success, Counter failure) {}

        private final Tags tags;
        private final Map<Class<?>, Meters> meters = new ConcurrentHashMap<>();
        private final AtomicLong latencyMillis = new AtomicLong();

        ProcessorMonitor(String processorName) {
            this.tags = Tags.of(PROCESSOR_NAME, processorName);
            Gauge.builder("eventProcessor.latency", latencyMillis, AtomicLong::get)
                    .description("Milliseconds between the last event's timestamp and its handling")
                    .tags(tags)
                    .register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            if (message instanceof EventMessage<?> event) {
                latencyMillis.set(
                        System.currentTimeMillis() - event.getTimestamp().toEpochMilli());
            }
            Meters m = meters.computeIfAbsent(message.getPayloadType(), this::register);
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    m.success.increment();
                }

                @Override
                public void reportFailure(Throwable cause) {
                    m.failure.increment();
                }

                @Override
                public void reportIgnored() {
                    // An event none of the processor's handlers takes: counted nowhere, as with axon-micrometer.
                }
            };
        }

        private Meters register(Class<?> payloadType) {
            Tags typed = Tags.of(PAYLOAD_TYPE, payloadType.getSimpleName()).and(tags);
            return new Meters(
                    registry.counter("eventProcessor.successCounter", typed),
                    registry.counter("eventProcessor.failureCounter", typed));
        }
    }
}
