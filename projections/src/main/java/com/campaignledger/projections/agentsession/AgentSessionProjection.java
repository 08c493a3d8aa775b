package com.campaignledger.projections.agentsession;

import static com.campaignledger.projections.agentsession.AgentSessionRepository.json;
import static com.campaignledger.projections.agentsession.AgentSessionRepository.ts;

import com.campaignledger.agent.session.api.AgentCallConnectedEvent;
import com.campaignledger.agent.session.api.AgentCallEndedEvent;
import com.campaignledger.agent.session.api.AgentCallUnansweredEvent;
import com.campaignledger.agent.session.api.AgentCallbackSentEvent;
import com.campaignledger.agent.session.api.AgentLoggedInEvent;
import com.campaignledger.agent.session.api.AgentLoggedOutEvent;
import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.agent.session.api.AgentState;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps agent_session_view from the agent events: state, current call, and the totals of seed 003's report
 * (calls, seconds on connected calls, seconds spent entering responses). Each update names the event's
 * sequence number, so a redelivered event is skipped.
 */
@Component
@ProcessingGroup(AgentSessionProjection.PROCESSING_GROUP)
public class AgentSessionProjection {

    public static final String PROCESSING_GROUP = "agent-sessions";

    private final AgentSessionRepository repository;

    public AgentSessionProjection(AgentSessionRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(AgentCallbackSentEvent e, @SequenceNumber long sequence, @Timestamp Instant at) {
        repository.insert(
                e.sessionId().value(), e.campaignId(), e.accountId(), e.userId(), e.phoneNumber(), at, sequence);
    }

    @EventHandler
    void on(AgentLoggedInEvent e, @SequenceNumber long sequence) {
        repository.update(
                e.sessionId().value(), sequence, "state = ?, logged_in_at = ?", AgentState.READY.name(), ts(e.at()));
    }

    @EventHandler
    void on(AgentCallConnectedEvent e, @SequenceNumber long sequence) {
        repository.update(
                e.sessionId().value(),
                sequence,
                "state = ?, calls = calls + 1, current_call_id = ?, "
                        + "current_number = ?, current_extra = ?, connected_at = ?, call_ended_at = NULL",
                AgentState.ON_CALL.name(),
                e.callId(),
                e.number(),
                json(e.extraData()),
                ts(e.at()));
    }

    @EventHandler
    void on(AgentCallEndedEvent e, @SequenceNumber long sequence) {
        repository.find(e.sessionId().value()).ifPresent(v -> {
            long talk = v.currentCall() == null ? 0 : millis(v.currentCall().connectedAt(), e.at());
            repository.update(
                    e.sessionId().value(),
                    sequence,
                    "state = ?, call_ended_at = ?, talk_millis = talk_millis + ?",
                    AgentState.WRAP_UP.name(),
                    ts(e.at()),
                    talk);
        });
    }

    @EventHandler
    void on(AgentResponseStoredEvent e, @SequenceNumber long sequence) {
        long response = millis(e.callEndedAt(), e.at());
        repository.update(
                e.sessionId().value(),
                sequence,
                "state = ?, response_millis = response_millis + ?, "
                        + "current_call_id = NULL, current_number = NULL, current_extra = NULL, connected_at = NULL, "
                        + "call_ended_at = NULL",
                AgentState.READY.name(),
                response);
    }

    @EventHandler
    void on(AgentCallUnansweredEvent e, @SequenceNumber long sequence) {
        repository.update(
                e.sessionId().value(),
                sequence,
                "current_call_id = NULL, current_number = NULL, "
                        + "current_extra = NULL, connected_at = NULL, call_ended_at = NULL");
    }

    @EventHandler
    void on(AgentLoggedOutEvent e, @SequenceNumber long sequence) {
        repository.update(
                e.sessionId().value(),
                sequence,
                "state = ?, logged_out_at = ?, logout_reason = ?",
                AgentState.LOGGED_OUT.name(),
                ts(e.at()),
                e.reason().name());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private static long millis(Instant from, Instant to) {
        return from == null || to == null
                ? 0
                : Math.max(0, Duration.between(from, to).toMillis());
    }
}
