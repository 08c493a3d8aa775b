package com.campaignledger.agent.session.command;

import static com.campaignledger.agent.session.api.AgentState.CALLBACK_SENT;
import static com.campaignledger.agent.session.api.AgentState.LOGGED_OUT;
import static com.campaignledger.agent.session.api.AgentState.ON_CALL;
import static com.campaignledger.agent.session.api.AgentState.READY;
import static com.campaignledger.agent.session.api.AgentState.WRAP_UP;
import static com.campaignledger.agent.session.command.AgentSessionRules.requireCallback;
import static com.campaignledger.agent.session.command.AgentSessionRules.requirePhone;
import static com.campaignledger.agent.session.command.AgentSessionRules.requireResponse;
import static com.campaignledger.agent.session.command.AgentSessionRules.requireText;
import static com.campaignledger.agent.session.command.AgentSessionRules.requireUserId;
import static com.campaignledger.agent.session.command.AgentSessionRules.storedData;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.campaignledger.agent.session.api.AgentCallConnectedEvent;
import com.campaignledger.agent.session.api.AgentCallEndedEvent;
import com.campaignledger.agent.session.api.AgentCallUnansweredEvent;
import com.campaignledger.agent.session.api.AgentCallbackRepeatedEvent;
import com.campaignledger.agent.session.api.AgentCallbackSentEvent;
import com.campaignledger.agent.session.api.AgentLoggedInEvent;
import com.campaignledger.agent.session.api.AgentLoggedOutEvent;
import com.campaignledger.agent.session.api.AgentLogoutRequestedEvent;
import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.agent.session.api.AgentSessionConflictException;
import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.AgentSessionNotFoundException;
import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.agent.session.api.ConnectCallCommand;
import com.campaignledger.agent.session.api.EndAgentSessionCommand;
import com.campaignledger.agent.session.api.EndCallCommand;
import com.campaignledger.agent.session.api.InvalidAgentSessionException;
import com.campaignledger.agent.session.api.KickAgentCommand;
import com.campaignledger.agent.session.api.LoginAgentCommand;
import com.campaignledger.agent.session.api.LogoutAgentCommand;
import com.campaignledger.agent.session.api.LogoutReason;
import com.campaignledger.agent.session.api.RepeatAgentCallbackCommand;
import com.campaignledger.agent.session.api.SendAgentCallbackCommand;
import com.campaignledger.agent.session.api.StoreAgentResponseCommand;
import com.campaignledger.kernel.UserIds;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One agent's session on one campaign, seed 003's loop: sendAgentCallBack (CALLBACK_SENT) -loginAgent-> READY
 * -call connected-> ON_CALL -hang-up-> WRAP_UP -storeAgentResponse-> READY again, or LOGGED_OUT after the last
 * call, a kick, a logout or the ledger ending the session.
 * <p>
 * Command handlers check (a command's own values by {@link AgentSessionRules}); only event sourcing handlers
 * change fields. Every time comes from the command, never from a clock, so replaying the history rebuilds exactly
 * the same session.
 */
@Aggregate(
        snapshotTriggerDefinition = "agentSessionSnapshotTrigger",
        cache = "agentSessionCache",
        lockFactory = "aggregateLockFactory")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class AgentSession {

    @AggregateIdentifier
    private AgentSessionId sessionId;

    private long campaignId;
    private String userId;
    private AgentState state;

    // The latest call connected to the agent; kept after its response so a late hang-up is recognised.
    private String callId;
    private String number;
    private Instant connectedAt;
    private Instant callEndedAt;

    /** Why the session ends once the current call's response is stored; null when nobody asked. */
    private LogoutReason logoutRequested;

    /**
     * The latest stored response, enough to tell a retry from a second answer: a retry always targets the call
     * the agent has just answered.
     */
    private StoredResponse lastResponse;

    protected AgentSession() {
        // for Axon and for snapshots
    }

    @CommandHandler
    AgentSession(SendAgentCallbackCommand command) {
        if (command.campaignId() <= 0) {
            throw new InvalidAgentSessionException("campaignId", "must be positive");
        }
        requireUserId(command.userId());
        requireCallback(command.phoneNumber(), command.musicOnHold());
        apply(new AgentCallbackSentEvent(
                command.sessionId(),
                command.campaignId(),
                command.accountId(),
                command.userId(),
                command.phoneNumber(),
                command.musicOnHold()));
    }

    /** Agents miss calls: ring the same user again with the same agent id, whatever the session is doing. */
    @CommandHandler
    AgentState handle(RepeatAgentCallbackCommand command) {
        requireUserId(command.userId());
        requireCallback(command.phoneNumber(), command.musicOnHold());
        if (state == LOGGED_OUT) {
            throw conflict("Cannot ring the agent again: the session has ended");
        }
        requireSameUser(command.userId(), "ring the agent again");
        apply(new AgentCallbackRepeatedEvent(sessionId, campaignId, command.phoneNumber(), command.musicOnHold()));
        return state;
    }

    @CommandHandler
    AgentState handle(LoginAgentCommand command) {
        Objects.requireNonNull(command.at(), "at");
        if (command.campaignId() != campaignId) {
            // The agent id the phone recited belongs to another campaign: for this one it does not exist.
            throw new AgentSessionNotFoundException(sessionId, command.campaignId());
        }
        if (state == LOGGED_OUT) {
            throw conflict("Cannot log in: the session has ended; ask for a new callback");
        }
        requireSameUser(command.userId(), "log in");
        if (state == CALLBACK_SENT) {
            apply(new AgentLoggedInEvent(sessionId, campaignId, userId, command.at()));
        }
        // Already logged in: a retried login changes nothing.
        return state;
    }

    @CommandHandler
    AgentState handle(ConnectCallCommand command) {
        Objects.requireNonNull(command.at(), "at");
        requireText("callId", command.callId());
        requirePhone("number", command.number());
        if (state == ON_CALL
                && command.callId().equals(callId)
                && command.number().equals(number)) {
            return state; // the dialer's retry of a connection already made
        }
        if (state != READY) {
            throw conflict("Cannot connect call " + command.callId() + ": the agent is not READY");
        }
        apply(new AgentCallConnectedEvent(
                sessionId, campaignId, command.callId(), command.number(), command.extraData(), command.at()));
        return state;
    }

    @CommandHandler
    AgentState handle(EndCallCommand command) {
        Objects.requireNonNull(command.at(), "at");
        requireText("callId", command.callId());
        if (!command.callId().equals(callId)) {
            throw conflict("Cannot end call " + command.callId() + ": it is not the agent's call");
        }
        if (state == ON_CALL) {
            apply(new AgentCallEndedEvent(sessionId, campaignId, callId, command.at()));
        }
        // Otherwise the call has ended already (hang-up reported twice, or after the response or a kick
        // ended it): nothing more to record.
        return state;
    }

    @CommandHandler
    AgentState handle(StoreAgentResponseCommand command) {
        Objects.requireNonNull(command.at(), "at");
        requireText("callId", command.callId());
        requireResponse(command.agentResponse(), command.agentNotes());
        Map<String, String> storedData = storedData(command.storedData());
        StoredResponse response = new StoredResponse(
                command.callId(),
                command.agentResponse(),
                command.agentNotes(),
                command.lastCall(),
                command.answeringMachineTransfer(),
                storedData);

        boolean currentCall =
                (state == ON_CALL || state == WRAP_UP) && command.callId().equals(callId);
        if (!currentCall) {
            if (lastResponse != null && lastResponse.callId().equals(command.callId())) {
                if (lastResponse.equals(response)) {
                    return state; // a retry of the request already stored
                }
                throw conflict("A different response for call " + command.callId() + " is already stored");
            }
            throw conflict(
                    "Cannot store a response for call " + command.callId() + ": it is not the agent's current call");
        }

        Instant endedAt = callEndedAt;
        if (state == ON_CALL) {
            // The agent hung up by answering: the call ends now.
            endedAt = command.at();
            apply(new AgentCallEndedEvent(sessionId, campaignId, callId, endedAt));
        }
        apply(new AgentResponseStoredEvent(
                sessionId,
                campaignId,
                callId,
                number,
                command.agentResponse(),
                command.agentNotes(),
                command.answeringMachineTransfer(),
                command.lastCall(),
                connectedAt,
                endedAt,
                command.at(),
                storedData));
        // A logout asked for earlier (campaign finished, agent removed) names the real cause over lastCall.
        LogoutReason reason =
                logoutRequested != null ? logoutRequested : command.lastCall() ? LogoutReason.LAST_CALL : null;
        if (reason != null) {
            apply(new AgentLoggedOutEvent(sessionId, campaignId, reason, command.at()));
        }
        return state;
    }

    @CommandHandler
    AgentState handle(KickAgentCommand command) {
        return logOutNow(LogoutReason.KICKED, command.at());
    }

    @CommandHandler
    AgentState handle(LogoutAgentCommand command) {
        return logOutNow(LogoutReason.LOGOUT, command.at());
    }

    /** The ledger ends the session without cutting anyone off: on a call, it ends once the response is stored. */
    @CommandHandler
    AgentState handle(EndAgentSessionCommand command) {
        Objects.requireNonNull(command.at(), "at");
        if (command.reason() == null) {
            throw new InvalidAgentSessionException("reason", "is required");
        }
        switch (state) {
            case CALLBACK_SENT, READY ->
                apply(new AgentLoggedOutEvent(sessionId, campaignId, command.reason(), command.at()));
            case ON_CALL, WRAP_UP -> {
                if (logoutRequested == null) {
                    apply(new AgentLogoutRequestedEvent(sessionId, campaignId, command.reason(), command.at()));
                }
            }
            case LOGGED_OUT -> {
                // already over
            }
        }
        return state;
    }

    private AgentState logOutNow(LogoutReason reason, Instant at) {
        Objects.requireNonNull(at, "at");
        if (state == LOGGED_OUT) {
            return state;
        }
        if (state == ON_CALL) {
            // Hanging up the agent's phone hangs up the call too.
            apply(new AgentCallEndedEvent(sessionId, campaignId, callId, at));
        }
        if (state == WRAP_UP) {
            // The call's response will never come: close its record so the number still gets its result.
            apply(new AgentCallUnansweredEvent(
                    sessionId, campaignId, callId, number, connectedAt, callEndedAt, reason));
        }
        apply(new AgentLoggedOutEvent(sessionId, campaignId, reason, at));
        return state;
    }

    private void requireSameUser(String requested, String action) {
        if (!UserIds.same(userId, requested)) {
            throw conflict("Cannot " + action + ": the agent id was issued to another user");
        }
    }

    private AgentSessionConflictException conflict(String message) {
        return new AgentSessionConflictException(
                state, message + " (agent " + sessionId.value() + " is " + state + ")");
    }

    @EventSourcingHandler
    void on(AgentCallbackSentEvent event) {
        sessionId = event.sessionId();
        campaignId = event.campaignId();
        userId = event.userId();
        state = CALLBACK_SENT;
    }

    @EventSourcingHandler
    void on(AgentLoggedInEvent event) {
        state = READY;
    }

    @EventSourcingHandler
    void on(AgentCallConnectedEvent event) {
        state = ON_CALL;
        callId = event.callId();
        number = event.number();
        connectedAt = event.at();
        callEndedAt = null;
    }

    @EventSourcingHandler
    void on(AgentCallEndedEvent event) {
        state = WRAP_UP;
        callEndedAt = event.at();
    }

    @EventSourcingHandler
    void on(AgentResponseStoredEvent event) {
        state = READY;
        lastResponse = new StoredResponse(
                event.callId(),
                event.agentResponse(),
                event.agentNotes(),
                event.lastCall(),
                event.answeringMachine(),
                event.storedData());
    }

    @EventSourcingHandler
    void on(AgentLogoutRequestedEvent event) {
        logoutRequested = event.reason();
    }

    @EventSourcingHandler
    void on(AgentLoggedOutEvent event) {
        state = LOGGED_OUT;
        logoutRequested = null;
    }

    /** What a response request said, to recognise its exact retry. */
    private record StoredResponse(
            String callId,
            String agentResponse,
            String agentNotes,
            boolean lastCall,
            boolean answeringMachineTransfer,
            Map<String, String> storedData) {}
}
