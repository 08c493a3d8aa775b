package com.campaignledger.dialer.agents;

import com.campaignledger.agent.session.api.AgentCallConnectedEvent;
import com.campaignledger.agent.session.api.AgentLoggedOutEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Wakes the long-polls of getConnectionForAgent. Its processor runs on every instance with a token kept in
 * memory from the head of the stream (see AgentConnectionConfig), so a call connected by any instance
 * wakes the agent's poll on whichever instance holds it, without polling the database per agent. A wake-up
 * only says "look again": what the poll answers comes from the agent session directory, which is
 * consistent with the events, so a late wake-up can never hand out a call already answered.
 */
@Component
@ProcessingGroup(ConnectionNotifier.PROCESSING_GROUP)
public class ConnectionNotifier {

    public static final String PROCESSING_GROUP = "agent-connections";

    private final Map<Long, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

    ConnectionNotifier(MeterRegistry meters) {
        Gauge.builder("ledger.agents.connection.waiters", waiters, ConnectionNotifier::count)
                .description("Agent long-polls waiting for a call on this instance")
                .register(meters);
    }

    private static int count(Map<Long, List<CompletableFuture<Void>>> waiters) {
        return waiters.values().stream().mapToInt(List::size).sum();
    }

    /** A future completed when something happens to the session: a call connected, or the agent logged out. */
    public CompletableFuture<Void> next(long sessionId) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.compute(sessionId, (id, list) -> {
            List<CompletableFuture<Void>> updated = list == null ? new CopyOnWriteArrayList<>() : list;
            updated.add(future);
            return updated;
        });
        future.whenComplete((ignored, error) -> waiters.computeIfPresent(sessionId, (id, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        }));
        return future;
    }

    @EventHandler
    void on(AgentCallConnectedEvent e) {
        wake(e.sessionId().value());
    }

    @EventHandler
    void on(AgentLoggedOutEvent e) {
        wake(e.sessionId().value());
    }

    private void wake(long sessionId) {
        List<CompletableFuture<Void>> waiting = waiters.remove(sessionId);
        if (waiting != null) {
            waiting.forEach(f -> f.complete(null));
        }
    }
}
