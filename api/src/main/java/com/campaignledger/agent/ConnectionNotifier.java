package com.campaignledger.agent;

import com.campaignledger.agent.session.api.AgentCallConnectedEvent;
import com.campaignledger.agent.session.api.AgentCallUnansweredEvent;
import com.campaignledger.agent.session.api.AgentLoggedOutEvent;
import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.projections.agentsession.AgentSessionView.CurrentCall;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wakes the long-polls of getConnectionForAgent. Its processor runs on every instance with a token kept in
 * memory from the head of the stream (see AgentConnectionConfig), so a call connected by any instance
 * reaches the agent's poll on whichever instance holds it, without polling the database per agent.
 * It also remembers, for sessions it has seen since start-up, whether a call is waiting for an answer.
 */
@Component
@ProcessingGroup(ConnectionNotifier.PROCESSING_GROUP)
public class ConnectionNotifier {

    public static final String PROCESSING_GROUP = "agent-connections";

    private final Map<Long, Optional<CurrentCall>> latest = new ConcurrentHashMap<>();
    private final Map<Long, List<CompletableFuture<CurrentCall>>> waiters = new ConcurrentHashMap<>();

    /** A future completed by the next call connected to the session. */
    public CompletableFuture<CurrentCall> next(long sessionId) {
        CompletableFuture<CurrentCall> future = new CompletableFuture<>();
        waiters.compute(sessionId, (id, list) -> {
            List<CompletableFuture<CurrentCall>> updated = list == null ? new CopyOnWriteArrayList<>() : list;
            updated.add(future);
            return updated;
        });
        future.whenComplete((call, error) -> waiters.computeIfPresent(sessionId, (id, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        }));
        return future;
    }

    /** What this instance has seen of the session since it started: a call awaiting its answer, none, or unknown. */
    public Optional<Optional<CurrentCall>> known(long sessionId) {
        return Optional.ofNullable(latest.get(sessionId));
    }

    @EventHandler
    void on(AgentCallConnectedEvent e) {
        CurrentCall call = new CurrentCall(e.callId(), e.number(), e.extraData(), e.at(), null);
        latest.put(e.sessionId().value(), Optional.of(call));
        List<CompletableFuture<CurrentCall>> waiting = waiters.remove(e.sessionId().value());
        if (waiting != null) {
            waiting.forEach(f -> f.complete(call));
        }
    }

    @EventHandler
    void on(AgentResponseStoredEvent e) {
        latest.put(e.sessionId().value(), Optional.empty());
    }

    @EventHandler
    void on(AgentCallUnansweredEvent e) {
        latest.put(e.sessionId().value(), Optional.empty());
    }

    @EventHandler
    void on(AgentLoggedOutEvent e) {
        latest.remove(e.sessionId().value());
        List<CompletableFuture<CurrentCall>> waiting = waiters.remove(e.sessionId().value());
        if (waiting != null) {
            waiting.forEach(f -> f.complete(null));
        }
    }
}
