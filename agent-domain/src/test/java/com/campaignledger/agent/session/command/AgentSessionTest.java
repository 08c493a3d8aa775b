package com.campaignledger.agent.session.command;

import static com.campaignledger.agent.session.api.AgentState.CALLBACK_SENT;
import static com.campaignledger.agent.session.api.AgentState.LOGGED_OUT;
import static com.campaignledger.agent.session.api.AgentState.ON_CALL;
import static com.campaignledger.agent.session.api.AgentState.READY;
import static com.campaignledger.agent.session.api.AgentState.WRAP_UP;
import static com.campaignledger.agent.session.api.LogoutReason.CAMPAIGN_CLOSED;
import static com.campaignledger.agent.session.api.LogoutReason.CAMPAIGN_FINISHED;
import static com.campaignledger.agent.session.api.LogoutReason.KICKED;
import static com.campaignledger.agent.session.api.LogoutReason.LAST_CALL;
import static com.campaignledger.agent.session.api.LogoutReason.LOGOUT;
import static com.campaignledger.agent.session.api.LogoutReason.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentSessionTest {

    private static final AgentSessionId ID = AgentSessionId.of(7);
    private static final long CAMPAIGN = 333;
    private static final String ACCOUNT = "acme";
    private static final String USER = "alice@example.com";
    private static final String PHONE = "+12135551212";
    private static final String CALL = "call-1";
    private static final String NEXT_CALL = "call-2";
    private static final String NUMBER = "+13105550100";
    private static final Map<String, String> EXTRA = Map.of("name", "Bob");
    private static final String RESPONSE = "Will vote";
    private static final String NOTES = "Call back on Friday";

    // Distinct times, so each event is seen to carry the command's own time.
    private static final Instant LOGIN_AT = Instant.parse("2026-03-24T14:00:00Z");
    private static final Instant CONNECTED_AT = Instant.parse("2026-03-24T14:03:00Z");
    private static final Instant ENDED_AT = Instant.parse("2026-03-24T14:05:30Z");
    private static final Instant STORED_AT = Instant.parse("2026-03-24T14:06:10Z");
    private static final Instant LATER = Instant.parse("2026-03-24T14:20:45Z");

    /** Configured as the application's {@code defaultAxonObjectMapper}, which writes snapshots. */
    private static final ObjectMapper AXON_MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private FixtureConfiguration<AgentSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgentSession.class);
    }

    // ---- events and histories -------------------------------------------------------------------------------

    private static AgentCallbackSentEvent callbackSent() {
        return new AgentCallbackSentEvent(ID, CAMPAIGN, ACCOUNT, USER, PHONE, null);
    }

    private static AgentLoggedInEvent loggedIn() {
        return new AgentLoggedInEvent(ID, CAMPAIGN, USER, LOGIN_AT);
    }

    private static AgentCallConnectedEvent connected(String callId) {
        return new AgentCallConnectedEvent(ID, CAMPAIGN, callId, NUMBER, EXTRA, CONNECTED_AT);
    }

    private static AgentCallEndedEvent ended(String callId, Instant at) {
        return new AgentCallEndedEvent(ID, CAMPAIGN, callId, at);
    }

    /** The response {@link #respond(String)} stores for a call that ended at {@link #ENDED_AT}. */
    private static AgentResponseStoredEvent stored(String callId) {
        return stored(callId, false, false, ENDED_AT);
    }

    private static AgentResponseStoredEvent stored(
            String callId, boolean answeringMachine, boolean lastCall, Instant callEndedAt) {
        return new AgentResponseStoredEvent(
                ID,
                CAMPAIGN,
                callId,
                NUMBER,
                RESPONSE,
                NOTES,
                answeringMachine,
                lastCall,
                CONNECTED_AT,
                callEndedAt,
                STORED_AT);
    }

    private static AgentLoggedOutEvent loggedOut(LogoutReason reason, Instant at) {
        return new AgentLoggedOutEvent(ID, CAMPAIGN, reason, at);
    }

    private static AgentCallUnansweredEvent unanswered(Instant endedAt, LogoutReason reason) {
        return new AgentCallUnansweredEvent(ID, CAMPAIGN, CALL, NUMBER, CONNECTED_AT, endedAt, reason);
    }

    private static AgentLogoutRequestedEvent logoutRequested(LogoutReason reason) {
        return new AgentLogoutRequestedEvent(ID, CAMPAIGN, reason, LATER);
    }

    private static StoreAgentResponseCommand respond(String callId) {
        return new StoreAgentResponseCommand(ID, callId, RESPONSE, NOTES, false, false, STORED_AT);
    }

    private static SendAgentCallbackCommand callback(String userId, String phoneNumber, String musicOnHold) {
        return new SendAgentCallbackCommand(ID, CAMPAIGN, ACCOUNT, userId, phoneNumber, musicOnHold);
    }

    /** The shortest history that leaves the session in {@code state}; a call, if any, is {@link #CALL}. */
    private static List<Object> history(AgentState state) {
        List<Object> events = new ArrayList<>(List.of(callbackSent()));
        switch (state) {
            case CALLBACK_SENT -> {}
            case READY -> events.add(loggedIn());
            case ON_CALL -> events.addAll(List.of(loggedIn(), connected(CALL)));
            case WRAP_UP -> events.addAll(List.of(loggedIn(), connected(CALL), ended(CALL, ENDED_AT)));
            case LOGGED_OUT -> events.addAll(List.of(loggedIn(), loggedOut(LOGOUT, LATER)));
        }
        return events;
    }

    private static List<Object> history(AgentState state, Object... more) {
        List<Object> events = history(state);
        events.addAll(List.of(more));
        return events;
    }

    private static Matcher<Exception> invalid(String field) {
        return org.axonframework.test.matchers.Matchers.predicate(
                e -> e instanceof InvalidAgentSessionException i && i.field().equals(field));
    }

    private static Matcher<Exception> conflictIn(AgentState state) {
        return org.axonframework.test.matchers.Matchers.predicate(
                e -> e instanceof AgentSessionConflictException c && c.state() == state);
    }

    // ---- the commands ---------------------------------------------------------------------------------------

    @Nested
    class SendCallback {

        @Test
        void canSendCallbackToOpenSession() {
            fixture.givenNoPriorActivity()
                    .when(callback(USER, PHONE, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(callbackSent())
                    .expectResultMessagePayload(ID);
        }

        @Test
        void canSendCallbackWithMusicOnHold() {
            fixture.givenNoPriorActivity()
                    .when(callback(USER, PHONE, "jazz"))
                    .expectEvents(new AgentCallbackSentEvent(ID, CAMPAIGN, ACCOUNT, USER, PHONE, "jazz"));
        }

        @Test
        void canSendCallbackWithLongestValues() {
            String userId = "u".repeat(200);
            String music = "m".repeat(200);
            fixture.givenNoPriorActivity()
                    .when(callback(userId, "+123456789012345", music))
                    .expectEvents(new AgentCallbackSentEvent(ID, CAMPAIGN, ACCOUNT, userId, "+123456789012345", music));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void cannotSendCallbackWithoutUserId(String userId) {
            fixture.givenNoPriorActivity()
                    .when(callback(userId, PHONE, null))
                    .expectException(invalid("userId"))
                    .expectExceptionMessage("userId is required")
                    .expectNoEvents();
        }

        @Test
        void cannotSendCallbackWithTooLongUserId() {
            fixture.givenNoPriorActivity()
                    .when(callback("u".repeat(201), PHONE, null))
                    .expectException(invalid("userId"))
                    .expectExceptionMessage("userId must be at most 200 characters")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "2135551212",
                    "12135551212",
                    "+1 (213) 555-1212",
                    "+02135551212",
                    "+123456",
                    "+1234567890123456",
                    "+1213555121x"
                })
        void cannotSendCallbackToNumberNotInE164(String phoneNumber) {
            fixture.givenNoPriorActivity()
                    .when(callback(USER, phoneNumber, null))
                    .expectException(invalid("phoneNumber"))
                    .expectNoEvents();
        }

        @Test
        void cannotSendCallbackWithTooLongMusicOnHold() {
            fixture.givenNoPriorActivity()
                    .when(callback(USER, PHONE, "m".repeat(201)))
                    .expectException(invalid("musicOnHold"))
                    .expectNoEvents();
        }

        @Test
        void cannotSendCallbackForCampaignWithoutId() {
            fixture.givenNoPriorActivity()
                    .when(new SendAgentCallbackCommand(ID, 0, ACCOUNT, USER, PHONE, null))
                    .expectException(invalid("campaignId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RepeatCallback {

        @Test
        void canRingAgainWithTheSameAgentId() {
            fixture.given(history(CALLBACK_SENT))
                    .when(new RepeatAgentCallbackCommand(ID, USER, "+13105550199", "jazz"))
                    .expectEvents(new AgentCallbackRepeatedEvent(ID, CAMPAIGN, "+13105550199", "jazz"))
                    .expectResultMessagePayload(CALLBACK_SENT);
        }

        @ParameterizedTest
        @EnumSource(
                value = AgentState.class,
                names = {"READY", "ON_CALL", "WRAP_UP"})
        void canRingAgainWithoutChangingState(AgentState state) {
            fixture.given(history(state))
                    .when(new RepeatAgentCallbackCommand(ID, USER, PHONE, null))
                    .expectEvents(new AgentCallbackRepeatedEvent(ID, CAMPAIGN, PHONE, null))
                    .expectResultMessagePayload(state);
        }

        @Test
        void cannotRingAgainForAnotherUser() {
            fixture.given(history(READY))
                    .when(new RepeatAgentCallbackCommand(ID, "mallory", PHONE, null))
                    .expectException(conflictIn(READY))
                    .expectExceptionMessage(containsString("issued to another user"))
                    .expectNoEvents();
        }

        @Test
        void cannotRingAgainAfterLogout() {
            fixture.given(history(LOGGED_OUT))
                    .when(new RepeatAgentCallbackCommand(ID, USER, PHONE, null))
                    .expectException(conflictIn(LOGGED_OUT))
                    .expectExceptionMessage(containsString("LOGGED_OUT"))
                    .expectNoEvents();
        }

        @Test
        void cannotRingAgainToNumberNotInE164() {
            fixture.given(history(CALLBACK_SENT))
                    .when(new RepeatAgentCallbackCommand(ID, USER, "2135551212", null))
                    .expectException(invalid("phoneNumber"))
                    .expectNoEvents();
        }

        @Test
        void cannotRingAgainWithoutUserId() {
            fixture.given(history(CALLBACK_SENT))
                    .when(new RepeatAgentCallbackCommand(ID, " ", PHONE, null))
                    .expectException(invalid("userId"))
                    .expectNoEvents();
        }

        @Test
        void cannotRingAgainWithTooLongMusicOnHold() {
            fixture.given(history(CALLBACK_SENT))
                    .when(new RepeatAgentCallbackCommand(ID, USER, PHONE, "m".repeat(201)))
                    .expectException(invalid("musicOnHold"))
                    .expectNoEvents();
        }

        @Test
        void cannotRingAgentWithoutSession() {
            fixture.givenNoPriorActivity()
                    .when(new RepeatAgentCallbackCommand(ID, USER, PHONE, null))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Login {

        @Test
        void canLogInWithTheRecitedAgentIdAndSameUser() {
            fixture.given(history(CALLBACK_SENT))
                    .when(new LoginAgentCommand(ID, CAMPAIGN, USER, LOGIN_AT))
                    .expectEvents(loggedIn())
                    .expectResultMessagePayload(READY);
        }

        @Test
        void canLogInAfterARepeatedCallback() {
            fixture.given(history(CALLBACK_SENT, new AgentCallbackRepeatedEvent(ID, CAMPAIGN, PHONE, null)))
                    .when(new LoginAgentCommand(ID, CAMPAIGN, USER, LOGIN_AT))
                    .expectEvents(loggedIn());
        }

        @ParameterizedTest
        @EnumSource(
                value = AgentState.class,
                names = {"READY", "ON_CALL", "WRAP_UP"})
        void aRepeatedLoginChangesNothing(AgentState state) {
            fixture.given(history(state))
                    .when(new LoginAgentCommand(ID, CAMPAIGN, USER, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(state);
        }

        @Test
        void cannotLogInToAnotherCampaign() {
            fixture.given(history(CALLBACK_SENT))
                    .when(new LoginAgentCommand(ID, 334, USER, LOGIN_AT))
                    .expectException(AgentSessionNotFoundException.class)
                    .expectExceptionMessage("No agent 7 on campaign 334")
                    .expectNoEvents();
        }

        @Test
        void cannotLogInAsAnotherUser() {
            fixture.given(history(CALLBACK_SENT))
                    .when(new LoginAgentCommand(ID, CAMPAIGN, "mallory", LOGIN_AT))
                    .expectException(conflictIn(CALLBACK_SENT))
                    .expectExceptionMessage(containsString("issued to another user"))
                    .expectNoEvents();
        }

        @Test
        void cannotRepeatLoginAsAnotherUser() {
            fixture.given(history(READY))
                    .when(new LoginAgentCommand(ID, CAMPAIGN, "mallory", LATER))
                    .expectException(conflictIn(READY))
                    .expectNoEvents();
        }

        @Test
        void cannotLogInAfterLogout() {
            fixture.given(history(LOGGED_OUT))
                    .when(new LoginAgentCommand(ID, CAMPAIGN, USER, LATER))
                    .expectException(conflictIn(LOGGED_OUT))
                    .expectExceptionMessage(containsString("agent 7 is LOGGED_OUT"))
                    .expectNoEvents();
        }

        @Test
        void cannotLogInWithUnknownAgentId() {
            fixture.givenNoPriorActivity()
                    .when(new LoginAgentCommand(ID, CAMPAIGN, USER, LOGIN_AT))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ConnectCall {

        @Test
        void canConnectCallToReadyAgent() {
            fixture.given(history(READY))
                    .when(new ConnectCallCommand(ID, CALL, NUMBER, EXTRA, CONNECTED_AT))
                    .expectEvents(connected(CALL))
                    .expectResultMessagePayload(ON_CALL);
        }

        @Test
        void canConnectNextCallAfterResponse() {
            fixture.given(history(WRAP_UP, stored(CALL)))
                    .when(new ConnectCallCommand(ID, NEXT_CALL, "+13105550101", null, LATER))
                    .expectEvents(new AgentCallConnectedEvent(ID, CAMPAIGN, NEXT_CALL, "+13105550101", Map.of(), LATER))
                    .expectResultMessagePayload(ON_CALL);
        }

        @Test
        void aRetriedConnectionOfTheCurrentCallChangesNothing() {
            fixture.given(history(ON_CALL))
                    .when(new ConnectCallCommand(ID, CALL, NUMBER, EXTRA, LATER))
                    .expectNoEvents()
                    .expectResultMessagePayload(ON_CALL);
        }

        @Test
        void cannotConnectTheCurrentCallIdToAnotherNumber() {
            fixture.given(history(ON_CALL))
                    .when(new ConnectCallCommand(ID, CALL, "+13105550101", EXTRA, LATER))
                    .expectException(conflictIn(ON_CALL))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(
                value = AgentState.class,
                names = {"CALLBACK_SENT", "ON_CALL", "WRAP_UP", "LOGGED_OUT"})
        void cannotConnectCallToAgentNotReady(AgentState state) {
            fixture.given(history(state))
                    .when(new ConnectCallCommand(ID, NEXT_CALL, NUMBER, EXTRA, LATER))
                    .expectException(conflictIn(state))
                    .expectExceptionMessage(
                            "Cannot connect call call-2: the agent is not READY (agent 7 is " + state + ")")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void cannotConnectCallWithoutCallId(String callId) {
            fixture.given(history(READY))
                    .when(new ConnectCallCommand(ID, callId, NUMBER, EXTRA, CONNECTED_AT))
                    .expectException(invalid("callId"))
                    .expectNoEvents();
        }

        @Test
        void cannotConnectNumberNotInE164() {
            fixture.given(history(READY))
                    .when(new ConnectCallCommand(ID, CALL, "3105550100", EXTRA, CONNECTED_AT))
                    .expectException(invalid("number"))
                    .expectNoEvents();
        }
    }

    @Nested
    class EndCall {

        @Test
        void canEndTheCurrentCall() {
            fixture.given(history(ON_CALL))
                    .when(new EndCallCommand(ID, CALL, ENDED_AT))
                    .expectEvents(ended(CALL, ENDED_AT))
                    .expectResultMessagePayload(WRAP_UP);
        }

        @Test
        void endingAnEndedCallAgainChangesNothing() {
            fixture.given(history(WRAP_UP))
                    .when(new EndCallCommand(ID, CALL, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(WRAP_UP);
        }

        @Test
        void aHangUpReportedAfterTheResponseChangesNothing() {
            fixture.given(history(ON_CALL, ended(CALL, STORED_AT), stored(CALL, false, false, STORED_AT)))
                    .when(new EndCallCommand(ID, CALL, LATER))
                    .expectNoEvents()
                    .expectResultMessagePayload(READY);
        }

        @Test
        void aHangUpReportedAfterAKickChangesNothing() {
            fixture.given(history(ON_CALL, ended(CALL, LATER), loggedOut(KICKED, LATER)))
                    .when(new EndCallCommand(ID, CALL, LATER))
                    .expectNoEvents()
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void cannotEndAnotherCall() {
            fixture.given(history(ON_CALL))
                    .when(new EndCallCommand(ID, NEXT_CALL, ENDED_AT))
                    .expectException(conflictIn(ON_CALL))
                    .expectExceptionMessage(containsString("Cannot end call call-2: it is not the agent's call"))
                    .expectNoEvents();
        }

        @Test
        void cannotEndAnEarlierCallDuringTheNextOne() {
            fixture.given(history(WRAP_UP, stored(CALL), connected(NEXT_CALL)))
                    .when(new EndCallCommand(ID, CALL, LATER))
                    .expectException(conflictIn(ON_CALL))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(
                value = AgentState.class,
                names = {"CALLBACK_SENT", "READY", "LOGGED_OUT"})
        void cannotEndCallOfAgentWithoutCall(AgentState state) {
            fixture.given(history(state))
                    .when(new EndCallCommand(ID, CALL, ENDED_AT))
                    .expectException(conflictIn(state))
                    .expectNoEvents();
        }

        @Test
        void cannotEndCallWithoutCallId() {
            fixture.given(history(ON_CALL))
                    .when(new EndCallCommand(ID, " ", ENDED_AT))
                    .expectException(invalid("callId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class StoreResponse {

        @Test
        void canStoreResponseAfterHangUpAndGoBackToTheQueue() {
            fixture.given(history(WRAP_UP))
                    .when(respond(CALL))
                    .expectEvents(stored(CALL))
                    .expectResultMessagePayload(READY);
        }

        @Test
        void storingResponseDuringTheCallEndsItFirst() {
            fixture.given(history(ON_CALL))
                    .when(respond(CALL))
                    .expectEvents(ended(CALL, STORED_AT), stored(CALL, false, false, STORED_AT))
                    .expectResultMessagePayload(READY);
        }

        @Test
        void lastCallLogsTheAgentOut() {
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, true, false, STORED_AT))
                    .expectEvents(stored(CALL, false, true, ENDED_AT), loggedOut(LAST_CALL, STORED_AT))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void lastCallDuringTheCallEndsItThenLogsOut() {
            fixture.given(history(ON_CALL))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, true, false, STORED_AT))
                    .expectEvents(
                            ended(CALL, STORED_AT),
                            stored(CALL, false, true, STORED_AT),
                            loggedOut(LAST_CALL, STORED_AT))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void answeringMachineTransferRecordsTheCallAsAnsweringMachine() {
            fixture.given(history(ON_CALL))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, false, true, STORED_AT))
                    .expectEvents(ended(CALL, STORED_AT), stored(CALL, true, false, STORED_AT))
                    .expectResultMessagePayload(READY);
        }

        @Test
        void answeringMachineTransferNeedsNoResponseOrNotes() {
            fixture.given(history(ON_CALL))
                    .when(new StoreAgentResponseCommand(ID, CALL, null, null, true, true, STORED_AT))
                    .expectEvents(
                            ended(CALL, STORED_AT),
                            new AgentResponseStoredEvent(
                                    ID,
                                    CAMPAIGN,
                                    CALL,
                                    NUMBER,
                                    null,
                                    null,
                                    true,
                                    true,
                                    CONNECTED_AT,
                                    STORED_AT,
                                    STORED_AT),
                            loggedOut(LAST_CALL, STORED_AT));
        }

        @ParameterizedTest
        @EnumSource(
                value = LogoutReason.class,
                names = {"CAMPAIGN_FINISHED", "CAMPAIGN_CLOSED", "REMOVED"})
        void aLogoutRequestedDuringTheCallHappensWhenTheResponseIsStored(LogoutReason reason) {
            fixture.given(history(ON_CALL, logoutRequested(reason)))
                    .when(respond(CALL))
                    .expectEvents(
                            ended(CALL, STORED_AT), stored(CALL, false, false, STORED_AT), loggedOut(reason, STORED_AT))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void aLogoutRequestedDuringWrapUpHappensWhenTheResponseIsStored() {
            fixture.given(history(WRAP_UP, logoutRequested(REMOVED)))
                    .when(respond(CALL))
                    .expectEvents(stored(CALL), loggedOut(REMOVED, STORED_AT))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void theRequestedReasonNamesTheLogoutEvenOnTheLastCall() {
            fixture.given(history(WRAP_UP, logoutRequested(CAMPAIGN_FINISHED)))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, true, false, STORED_AT))
                    .expectEvents(stored(CALL, false, true, ENDED_AT), loggedOut(CAMPAIGN_FINISHED, STORED_AT));
        }

        @Test
        void anExactRetryWritesNothing() {
            fixture.given(history(WRAP_UP, stored(CALL)))
                    .when(respond(CALL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(READY);
        }

        @Test
        void anExactRetryOfTheLastCallWritesNothing() {
            fixture.given(history(WRAP_UP, stored(CALL, false, true, ENDED_AT), loggedOut(LAST_CALL, STORED_AT)))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, true, false, LATER))
                    .expectNoEvents()
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void anExactRetryDuringTheNextCallWritesNothing() {
            fixture.given(history(WRAP_UP, stored(CALL), connected(NEXT_CALL)))
                    .when(respond(CALL))
                    .expectNoEvents()
                    .expectResultMessagePayload(ON_CALL);
        }

        @Test
        void anExactRetryOfAnAnsweringMachineTransferWritesNothing() {
            fixture.given(history(ON_CALL, ended(CALL, STORED_AT), stored(CALL, true, false, STORED_AT)))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, false, true, LATER))
                    .expectNoEvents();
        }

        @Test
        void cannotStoreADifferentSecondResponse() {
            fixture.given(history(WRAP_UP, stored(CALL)))
                    .when(new StoreAgentResponseCommand(ID, CALL, "Will not vote", NOTES, false, false, LATER))
                    .expectException(conflictIn(READY))
                    .expectExceptionMessage(containsString("A different response for call call-1 is already stored"))
                    .expectNoEvents();
        }

        @Test
        void cannotStoreSecondResponseWithOtherNotes() {
            fixture.given(history(WRAP_UP, stored(CALL)))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, "other notes", false, false, LATER))
                    .expectException(conflictIn(READY))
                    .expectNoEvents();
        }

        @Test
        void cannotStoreSecondResponseWithOtherFlags() {
            fixture.given(history(WRAP_UP, stored(CALL)))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, true, false, LATER))
                    .expectException(conflictIn(READY))
                    .expectNoEvents();
            fixture.given(history(WRAP_UP, stored(CALL)))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, false, true, LATER))
                    .expectException(conflictIn(READY))
                    .expectNoEvents();
        }

        @Test
        void cannotStoreResponseForACallNotTheAgents() {
            fixture.given(history(ON_CALL))
                    .when(respond(NEXT_CALL))
                    .expectException(conflictIn(ON_CALL))
                    .expectExceptionMessage(containsString("call-2: it is not the agent's current call"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(
                value = AgentState.class,
                names = {"CALLBACK_SENT", "READY", "LOGGED_OUT"})
        void cannotStoreResponseWithoutACall(AgentState state) {
            fixture.given(history(state))
                    .when(respond(CALL))
                    .expectException(conflictIn(state))
                    .expectNoEvents();
        }

        @Test
        void cannotStoreResponseAfterKickDuringTheCall() {
            fixture.given(history(ON_CALL, ended(CALL, LATER), loggedOut(KICKED, LATER)))
                    .when(respond(CALL))
                    .expectException(conflictIn(LOGGED_OUT))
                    .expectNoEvents();
        }

        @Test
        void canStoreLongestResponseAndNotes() {
            String response = "r".repeat(1000);
            String notes = "n".repeat(4000);
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, CALL, response, notes, false, false, STORED_AT))
                    .expectEvents(new AgentResponseStoredEvent(
                            ID,
                            CAMPAIGN,
                            CALL,
                            NUMBER,
                            response,
                            notes,
                            false,
                            false,
                            CONNECTED_AT,
                            ENDED_AT,
                            STORED_AT));
        }

        @Test
        void cannotStoreTooLongResponse() {
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, CALL, "r".repeat(1001), NOTES, false, false, STORED_AT))
                    .expectException(invalid("agentResponse"))
                    .expectExceptionMessage("agentResponse must be at most 1000 characters")
                    .expectNoEvents();
        }

        @Test
        void cannotStoreTooLongNotes() {
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, "n".repeat(4001), false, false, STORED_AT))
                    .expectException(invalid("agentNotes"))
                    .expectExceptionMessage("agentNotes must be at most 4000 characters")
                    .expectNoEvents();
        }

        @Test
        void storedDataTravelsWithTheResponseInTheAgentsOrder() {
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("willvote", "yes");
            answers.put("bigconcern", "economy");
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, false, false, STORED_AT, answers))
                    .expectEvents(new AgentResponseStoredEvent(
                            ID,
                            CAMPAIGN,
                            CALL,
                            NUMBER,
                            RESPONSE,
                            NOTES,
                            false,
                            false,
                            CONNECTED_AT,
                            ENDED_AT,
                            STORED_AT,
                            answers))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.axonframework.test.matchers.Matchers.predicate(
                                            e -> List.copyOf(((AgentResponseStoredEvent) e)
                                                            .storedData()
                                                            .keySet())
                                                    .equals(List.of("willvote", "bigconcern"))),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }

        @Test
        void emptyStoredDataIsRecordedAsNone() {
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, false, false, STORED_AT, Map.of()))
                    .expectEvents(stored(CALL));
        }

        @Test
        void anExactRetryWithStoredDataWritesNothing() {
            Map<String, String> answers = Map.of("willvote", "yes");
            fixture.given(history(
                            WRAP_UP,
                            new AgentResponseStoredEvent(
                                    ID,
                                    CAMPAIGN,
                                    CALL,
                                    NUMBER,
                                    RESPONSE,
                                    NOTES,
                                    false,
                                    false,
                                    CONNECTED_AT,
                                    ENDED_AT,
                                    STORED_AT,
                                    answers)))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, false, false, LATER, answers))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotStoreSecondResponseWithOtherStoredData() {
            fixture.given(history(
                            WRAP_UP,
                            new AgentResponseStoredEvent(
                                    ID,
                                    CAMPAIGN,
                                    CALL,
                                    NUMBER,
                                    RESPONSE,
                                    NOTES,
                                    false,
                                    false,
                                    CONNECTED_AT,
                                    ENDED_AT,
                                    STORED_AT,
                                    Map.of("willvote", "yes"))))
                    .when(new StoreAgentResponseCommand(
                            ID, CALL, RESPONSE, NOTES, false, false, LATER, Map.of("willvote", "no")))
                    .expectException(conflictIn(READY))
                    .expectNoEvents();
        }

        @Test
        void canStoreTheMostAndLongestStoredData() {
            Map<String, String> answers = new LinkedHashMap<>();
            for (int i = 0; i < AgentSessionRules.MAX_STORED_DATA_ENTRIES; i++) {
                answers.put(
                        i
                                + "q"
                                        .repeat(AgentSessionRules.MAX_STORED_DATA_NAME
                                                - String.valueOf(i).length()),
                        "a".repeat(AgentSessionRules.MAX_STORED_DATA_VALUE));
            }
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, false, false, STORED_AT, answers))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotStoreTooManyStoredData() {
            Map<String, String> answers = new LinkedHashMap<>();
            for (int i = 0; i <= AgentSessionRules.MAX_STORED_DATA_ENTRIES; i++) {
                answers.put("q" + i, "a");
            }
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, false, false, STORED_AT, answers))
                    .expectException(invalid("storedData"))
                    .expectExceptionMessage("storedData must have at most 50 entries, not 51")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        void cannotStoreStoredDataWithoutName(String name) {
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(
                            ID, CALL, RESPONSE, NOTES, false, false, STORED_AT, Map.of(name, "yes")))
                    .expectException(invalid("storedData"))
                    .expectNoEvents();
        }

        @Test
        void cannotStoreStoredDataWithTooLongNameOrValueOrNoValue() {
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(
                            ID,
                            CALL,
                            RESPONSE,
                            NOTES,
                            false,
                            false,
                            STORED_AT,
                            Map.of("q".repeat(AgentSessionRules.MAX_STORED_DATA_NAME + 1), "yes")))
                    .expectException(invalid("storedData"))
                    .expectNoEvents();
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(
                            ID,
                            CALL,
                            RESPONSE,
                            NOTES,
                            false,
                            false,
                            STORED_AT,
                            Map.of("willvote", "y".repeat(AgentSessionRules.MAX_STORED_DATA_VALUE + 1))))
                    .expectException(invalid("storedData"))
                    .expectExceptionMessage(containsString("(willvote)"))
                    .expectNoEvents();
            Map<String, String> noValue = new HashMap<>();
            noValue.put("willvote", null);
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, CALL, RESPONSE, NOTES, false, false, STORED_AT, noValue))
                    .expectException(invalid("storedData"))
                    .expectExceptionMessage("storedData must have a value for willvote")
                    .expectNoEvents();
        }

        @Test
        void anEventWrittenBeforeStoredDataExistedStillReads() throws Exception {
            String old = AXON_MAPPER.writeValueAsString(stored(CALL)).replace(",\"storedData\":null", "");
            assertThat(old).doesNotContain("storedData");
            AgentResponseStoredEvent read = AXON_MAPPER.readValue(old, AgentResponseStoredEvent.class);
            assertThat(read).isEqualTo(stored(CALL));
            assertThat(read.storedData()).isNull();
            String withData = AXON_MAPPER.writeValueAsString(new AgentResponseStoredEvent(
                    ID,
                    CAMPAIGN,
                    CALL,
                    NUMBER,
                    RESPONSE,
                    NOTES,
                    false,
                    false,
                    CONNECTED_AT,
                    ENDED_AT,
                    STORED_AT,
                    Map.of("willvote", "yes")));
            assertThat(AXON_MAPPER
                            .readValue(withData, AgentResponseStoredEvent.class)
                            .storedData())
                    .containsExactly(Map.entry("willvote", "yes"));
        }

        @Test
        void cannotStoreResponseWithoutCallId() {
            fixture.given(history(WRAP_UP))
                    .when(new StoreAgentResponseCommand(ID, null, RESPONSE, NOTES, false, false, STORED_AT))
                    .expectException(invalid("callId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Kick {

        @ParameterizedTest
        @EnumSource(
                value = AgentState.class,
                names = {"CALLBACK_SENT", "READY"})
        void canKickAgentNotOnACall(AgentState state) {
            fixture.given(history(state))
                    .when(new KickAgentCommand(ID, LATER))
                    .expectEvents(loggedOut(KICKED, LATER))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void kickDuringACallHangsItUpAndClosesTheCallWithoutResponse() {
            fixture.given(history(ON_CALL))
                    .when(new KickAgentCommand(ID, LATER))
                    .expectEvents(ended(CALL, LATER), unanswered(LATER, KICKED), loggedOut(KICKED, LATER))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void kickDuringWrapUpClosesTheCallWithoutResponse() {
            fixture.given(history(WRAP_UP))
                    .when(new KickAgentCommand(ID, LATER))
                    .expectEvents(unanswered(ENDED_AT, KICKED), loggedOut(KICKED, LATER));
        }

        @Test
        void kickAfterTheResponseClosesNothing() {
            fixture.given(history(WRAP_UP, stored(CALL)))
                    .when(new KickAgentCommand(ID, LATER))
                    .expectEvents(loggedOut(KICKED, LATER));
        }

        @Test
        void kickDoesNotWaitForARequestedLogout() {
            fixture.given(history(ON_CALL, logoutRequested(CAMPAIGN_FINISHED)))
                    .when(new KickAgentCommand(ID, LATER))
                    .expectEvents(ended(CALL, LATER), unanswered(LATER, KICKED), loggedOut(KICKED, LATER));
        }

        @Test
        void kickingAnAgentLoggedOutWritesNothing() {
            fixture.given(history(LOGGED_OUT))
                    .when(new KickAgentCommand(ID, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void cannotKickAgentWithoutSession() {
            fixture.givenNoPriorActivity()
                    .when(new KickAgentCommand(ID, LATER))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Logout {

        @ParameterizedTest
        @EnumSource(
                value = AgentState.class,
                names = {"CALLBACK_SENT", "READY"})
        void canLogOutWhenNotOnACall(AgentState state) {
            fixture.given(history(state))
                    .when(new LogoutAgentCommand(ID, LATER))
                    .expectEvents(loggedOut(LOGOUT, LATER))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void logoutDuringACallEndsIt() {
            fixture.given(history(ON_CALL))
                    .when(new LogoutAgentCommand(ID, LATER))
                    .expectEvents(ended(CALL, LATER), unanswered(LATER, LOGOUT), loggedOut(LOGOUT, LATER))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void aSecondLogoutWritesNothing() {
            fixture.given(history(LOGGED_OUT))
                    .when(new LogoutAgentCommand(ID, LATER))
                    .expectNoEvents()
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void logoutAfterKickWritesNothing() {
            fixture.given(history(READY, loggedOut(KICKED, LATER)))
                    .when(new LogoutAgentCommand(ID, LATER))
                    .expectNoEvents();
        }
    }

    @Nested
    class EndSession {

        @ParameterizedTest
        @EnumSource(
                value = AgentState.class,
                names = {"CALLBACK_SENT", "READY"})
        void endsAtOnceWhenTheAgentIsNotOnACall(AgentState state) {
            fixture.given(history(state))
                    .when(new EndAgentSessionCommand(ID, CAMPAIGN_FINISHED, LATER))
                    .expectEvents(loggedOut(CAMPAIGN_FINISHED, LATER))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @ParameterizedTest
        @EnumSource(
                value = AgentState.class,
                names = {"ON_CALL", "WRAP_UP"})
        void waitsForTheResponseWhenTheAgentIsOnACall(AgentState state) {
            fixture.given(history(state))
                    .when(new EndAgentSessionCommand(ID, CAMPAIGN_CLOSED, LATER))
                    .expectEvents(logoutRequested(CAMPAIGN_CLOSED))
                    .expectResultMessagePayload(state);
        }

        @Test
        void aRepeatedRequestWritesNothing() {
            fixture.given(history(ON_CALL, logoutRequested(CAMPAIGN_FINISHED)))
                    .when(new EndAgentSessionCommand(ID, CAMPAIGN_FINISHED, LATER))
                    .expectNoEvents()
                    .expectResultMessagePayload(ON_CALL);
        }

        @Test
        void aLaterRequestKeepsTheFirstReason() {
            fixture.given(history(ON_CALL, logoutRequested(REMOVED)))
                    .when(new EndAgentSessionCommand(ID, CAMPAIGN_CLOSED, LATER))
                    .expectNoEvents();
            fixture.given(history(ON_CALL, logoutRequested(REMOVED)))
                    .when(respond(CALL))
                    .expectEvents(
                            ended(CALL, STORED_AT),
                            stored(CALL, false, false, STORED_AT),
                            loggedOut(REMOVED, STORED_AT));
        }

        @Test
        void aRequestStillPendingAfterTheHangUp() {
            fixture.given(history(ON_CALL, logoutRequested(CAMPAIGN_FINISHED), ended(CALL, ENDED_AT)))
                    .when(new EndAgentSessionCommand(ID, CAMPAIGN_FINISHED, LATER))
                    .expectNoEvents()
                    .expectResultMessagePayload(WRAP_UP);
        }

        @Test
        void endingAnEndedSessionWritesNothing() {
            fixture.given(history(LOGGED_OUT))
                    .when(new EndAgentSessionCommand(ID, CAMPAIGN_FINISHED, LATER))
                    .expectNoEvents()
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void cannotEndSessionWithoutReason() {
            fixture.given(history(READY))
                    .when(new EndAgentSessionCommand(ID, null, LATER))
                    .expectException(invalid("reason"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Loop {

        @Test
        void theAgentGoesRoundTheLoopUntilTheLastCall() {
            fixture.given(
                            callbackSent(),
                            loggedIn(),
                            connected(CALL),
                            ended(CALL, ENDED_AT),
                            stored(CALL),
                            new AgentCallConnectedEvent(ID, CAMPAIGN, NEXT_CALL, "+13105550101", Map.of(), LATER))
                    .when(new StoreAgentResponseCommand(
                            ID, NEXT_CALL, "No answer", null, true, true, LATER.plusSeconds(40)))
                    .expectEvents(
                            ended(NEXT_CALL, LATER.plusSeconds(40)),
                            new AgentResponseStoredEvent(
                                    ID,
                                    CAMPAIGN,
                                    NEXT_CALL,
                                    "+13105550101",
                                    "No answer",
                                    null,
                                    true,
                                    true,
                                    LATER,
                                    LATER.plusSeconds(40),
                                    LATER.plusSeconds(40)),
                            loggedOut(LAST_CALL, LATER.plusSeconds(40)))
                    .expectResultMessagePayload(LOGGED_OUT);
        }

        @Test
        void aResponseForTheCallBeforeTheLastOneIsNoLongerKnown() {
            // Only the latest response is remembered: a retry always targets the call just answered.
            fixture.given(history(
                            WRAP_UP,
                            stored(CALL),
                            connected(NEXT_CALL),
                            ended(NEXT_CALL, LATER),
                            new AgentResponseStoredEvent(
                                    ID,
                                    CAMPAIGN,
                                    NEXT_CALL,
                                    NUMBER,
                                    RESPONSE,
                                    NOTES,
                                    false,
                                    false,
                                    CONNECTED_AT,
                                    LATER,
                                    LATER)))
                    .when(respond(CALL))
                    .expectException(conflictIn(READY))
                    .expectNoEvents();
        }
    }

    @Nested
    class Snapshot {

        private AgentSession sessionAfter(List<Object> history, Object command) {
            AtomicReference<AgentSession> session = new AtomicReference<>();
            fixture.given(history)
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectState(session::set);
            return session.get();
        }

        @Test
        void aSessionInTheMiddleOfACallSurvivesItsSnapshot() throws Exception {
            AgentSession session = sessionAfter(
                    history(WRAP_UP, stored(CALL), connected(NEXT_CALL), logoutRequested(CAMPAIGN_FINISHED)),
                    new EndCallCommand(ID, NEXT_CALL, LATER));

            String json = AXON_MAPPER.writeValueAsString(session);
            AgentSession restored = AXON_MAPPER.readValue(json, AgentSession.class);

            assertThat(restored).usingRecursiveComparison().isEqualTo(session);
            assertThat(AXON_MAPPER.writeValueAsString(restored)).isEqualTo(json);
            assertThat(json)
                    .contains(
                            "\"sessionId\":7",
                            "\"campaignId\":333",
                            "\"userId\":\"alice@example.com\"",
                            "\"state\":\"WRAP_UP\"",
                            "\"callId\":\"call-2\"",
                            "\"connectedAt\":\"2026-03-24T14:03:00Z\"",
                            "\"callEndedAt\":\"2026-03-24T14:20:45Z\"",
                            "\"logoutRequested\":\"CAMPAIGN_FINISHED\"",
                            "\"agentResponse\":\"Will vote\"");
        }

        @Test
        void aNewSessionSurvivesItsSnapshot() throws Exception {
            AgentSession session =
                    sessionAfter(history(CALLBACK_SENT), new RepeatAgentCallbackCommand(ID, USER, PHONE, null));

            String json = AXON_MAPPER.writeValueAsString(session);
            AgentSession restored = AXON_MAPPER.readValue(json, AgentSession.class);

            assertThat(restored).usingRecursiveComparison().isEqualTo(session);
            assertThat(json).contains("\"state\":\"CALLBACK_SENT\"");
        }

        @Test
        void aSnapshotWithAFieldNoLongerKnownStillLoads() throws Exception {
            AgentSession session = sessionAfter(history(WRAP_UP, stored(CALL)), new LogoutAgentCommand(ID, LATER));
            String json = AXON_MAPPER.writeValueAsString(session);

            AgentSession restored =
                    AXON_MAPPER.readValue(json.replaceFirst("\\{", "{\"unknownField\":1,"), AgentSession.class);

            assertThat(restored).usingRecursiveComparison().isEqualTo(session);
        }
    }
}
