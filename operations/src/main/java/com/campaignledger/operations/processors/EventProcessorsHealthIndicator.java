package com.campaignledger.operations.processors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code eventProcessors} component of {@code /actuator/health}: DOWN when a processor has stopped or
 * fails on an event (its read model no longer follows the events), DEGRADED when one is further behind the
 * event store than {@code ledger.health.max-processor-lag-events}. A replay is expected to be far behind,
 * so a replaying processor is not held to the threshold. Commands are still accepted in either case.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator implements HealthIndicator {

    /** A read model lags behind the events: served, but stale. */
    public static final Status DEGRADED = new Status("DEGRADED", "A read model lags behind the event store");

    private static final List<Status> SEVERITY = List.of(Status.UP, DEGRADED, Status.DOWN);

    private final ProcessorStates processors;
    private final long maxLag;

    public EventProcessorsHealthIndicator(
            ProcessorStates processors, @Value("${ledger.health.max-processor-lag-events:10000}") long maxLag) {
        this.processors = processors;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        Status worst = Status.UP;
        for (ProcessorState state : processors.states()) {
            Assessment assessment = assess(state, maxLag);
            details.put(state.name(), assessment.details(state));
            worst = SEVERITY.indexOf(assessment.status()) > SEVERITY.indexOf(worst) ? assessment.status() : worst;
        }
        return Health.status(worst)
                .withDetail("maxLagEvents", maxLag)
                .withDetails(details)
                .build();
    }

    /** A processor's status and, when it is not UP, why. */
    record Assessment(Status status, String reason) {

        Map<String, Object> details(ProcessorState state) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", status.getCode());
            if (reason != null) {
                details.put("reason", reason);
            }
            details.put("running", state.running());
            details.put("segments", state.segments());
            details.put("position", state.position());
            details.put("head", state.head());
            details.put("lag", state.lag());
            details.put("replaying", state.replaying());
            return details;
        }
    }

    static Assessment assess(ProcessorState state, long maxLag) {
        if (!state.running()) {
            return new Assessment(Status.DOWN, state.error() == null ? "not running" : "not running: " + state.error());
        }
        if (state.error() != null) {
            return new Assessment(Status.DOWN, "failing: " + state.error());
        }
        if (!state.replaying() && state.lag() > maxLag) {
            return new Assessment(DEGRADED, state.lag() + " events behind the event store (more than " + maxLag + ")");
        }
        if (!state.holdsSegments()) {
            // Another instance holds every segment; this one takes some over when that one stops.
            return new Assessment(Status.UP, "no segment claimed on this instance");
        }
        return new Assessment(Status.UP, null);
    }
}
