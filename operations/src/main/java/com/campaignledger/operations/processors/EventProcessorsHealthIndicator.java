package com.campaignledger.operations.processors;

import com.campaignledger.operations.deadletters.DeadLetters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code eventProcessors} component of {@code /actuator/health}: DOWN when a processor has stopped, fails on an
 * event, or holds dead letters (events it could not handle: its read model no longer follows them), DEGRADED when one is further behind the
 * event store than {@code ledger.health.max-processor-lag-events}. A replay is expected to be far behind,
 * so a replaying processor is not held to the threshold. Commands are still accepted in either case.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator implements HealthIndicator {

    /** A read model lags behind the events: served, but stale. */
    public static final Status DEGRADED = new Status("DEGRADED", "A read model lags behind the event store");

    private static final List<Status> SEVERITY = List.of(Status.UP, DEGRADED, Status.DOWN);

    private final ProcessorStates processors;
    private final DeadLetters deadLetters;
    private final long maxLag;

    public EventProcessorsHealthIndicator(
            ProcessorStates processors,
            DeadLetters deadLetters,
            @Value("${ledger.health.max-processor-lag-events:10000}") long maxLag) {
        this.processors = processors;
        this.deadLetters = deadLetters;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        Status worst = Status.UP;
        Map<String, DeadLetters.Summary> letters = deadLetters.summaries();
        for (ProcessorState state : processors.states()) {
            Assessment assessment = assess(state, letters.get(state.name()), maxLag);
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

    static Assessment assess(ProcessorState state, DeadLetters.Summary letters, long maxLag) {
        if (letters != null && letters.letters() > 0) {
            return new Assessment(Status.DOWN, deadLettered(letters));
        }
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

    /** Names the event to look at first: the one that has waited longest, and why it failed. */
    static String deadLettered(DeadLetters.Summary letters) {
        String reason = letters.letters() + " events dead-lettered, of " + letters.sequences() + " aggregates";
        DeadLetters.Letter oldest = letters.oldest();
        if (oldest == null) {
            return reason;
        }
        return reason + "; the oldest: " + oldest.eventType() + " " + oldest.eventIdentifier() + " of "
                + oldest.aggregateIdentifier() + " (#" + oldest.aggregateSequenceNumber() + ")"
                + (oldest.causeType() == null ? "" : ", " + oldest.causeType() + ": " + oldest.causeMessage())
                + " (GET /api/admin/dead-letters)";
    }
}
