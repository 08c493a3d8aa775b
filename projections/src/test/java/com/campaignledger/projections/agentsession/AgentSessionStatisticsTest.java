package com.campaignledger.projections.agentsession;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.agent.session.api.AgentCallConnectedEvent;
import com.campaignledger.agent.session.api.AgentCallEndedEvent;
import com.campaignledger.agent.session.api.AgentCallbackSentEvent;
import com.campaignledger.agent.session.api.AgentLoggedInEvent;
import com.campaignledger.agent.session.api.AgentLoggedOutEvent;
import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.LogoutReason;
import com.campaignledger.projections.testsupport.ReadModelDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's Agent Session Statistics on a hand-computed session, fed to the agent-sessions projection event by
 * event: Duration = seconds logged in, Calls (Sec) = seconds on connected calls, Avg Call (Sec) = their mean,
 * Resp. Time = seconds from each call's end to its stored response, %Response = Resp. Time / Duration × 100.
 */
class AgentSessionStatisticsTest {

    private static final AgentSessionId SESSION = AgentSessionId.of(41);
    private static final long CAMPAIGN = 7;
    private static final Instant T0 = Instant.parse("2026-03-24T15:00:00Z");

    AgentSessionRepository repository;
    AgentSessionProjection projection;
    long sequence;

    @BeforeEach
    void emptyReadModel() {
        repository = new AgentSessionRepository(
                ReadModelDatabase.create("V5__agent_session_view.sql", "V120__campaign_stats.sql"));
        projection = new AgentSessionProjection(repository);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Called back at 0 s, logged in at 10 s; a 60 s call answered for in 15 s, a 30 s call answered for in 5 s. */
    private void aSessionWithTwoCalls() {
        projection.on(
                new AgentCallbackSentEvent(SESSION, CAMPAIGN, "acme", "ann@example.com", "+16465550101", null),
                sequence++,
                at(0));
        projection.on(new AgentLoggedInEvent(SESSION, CAMPAIGN, "ann@example.com", at(10)), sequence++);
        call("call-1", 20, 80, 95);
        call("call-2", 100, 130, 135);
    }

    private void call(String callId, int connected, int ended, int responded) {
        projection.on(
                new AgentCallConnectedEvent(SESSION, CAMPAIGN, callId, "+12125550001", Map.of(), at(connected)),
                sequence++);
        projection.on(new AgentCallEndedEvent(SESSION, CAMPAIGN, callId, at(ended)), sequence++);
        projection.on(
                new AgentResponseStoredEvent(
                        SESSION,
                        CAMPAIGN,
                        callId,
                        "+12125550001",
                        "sale",
                        null,
                        false,
                        false,
                        at(connected),
                        at(ended),
                        at(responded)),
                sequence++);
    }

    @Test
    void aClosedSessionHasTheSeedsTwelveColumnsWithTheirMeanings() {
        aSessionWithTwoCalls();
        projection.on(new AgentLoggedOutEvent(SESSION, CAMPAIGN, LogoutReason.LOGOUT, at(210)), sequence++);

        AgentSessionStatistics row = AgentSessionStatistics.of(
                repository.find(SESSION.value(), "acme").orElseThrow(), Clock.fixed(at(10_000), ZoneOffset.UTC));
        assertThat(row.id()).isEqualTo(41);
        assertThat(row.campaignId()).isEqualTo(CAMPAIGN);
        assertThat(row.phoneNumber()).isEqualTo("+16465550101");
        assertThat(row.userId()).isEqualTo("ann@example.com");
        assertThat(row.loggedIn()).isEqualTo(at(10));
        assertThat(row.loggedOut()).isEqualTo(at(210));
        assertThat(row.calls()).isEqualTo(2);
        assertThat(row.duration()).isEqualTo(200);
        assertThat(row.callsSeconds()).isEqualTo(90);
        assertThat(row.avgCallSeconds()).isEqualTo(45.0);
        assertThat(row.responseTime()).isEqualTo(20);
        assertThat(row.responsePercent()).isEqualTo(10.0);
    }

    @Test
    void anOpenSessionsDurationRunsUntilNow() {
        aSessionWithTwoCalls();
        AgentSessionStatistics row = AgentSessionStatistics.of(
                repository.find(SESSION.value(), "acme").orElseThrow(), Clock.fixed(at(410), ZoneOffset.UTC));
        assertThat(row.loggedOut()).isNull();
        assertThat(row.duration()).isEqualTo(400);
        assertThat(row.responsePercent()).isEqualTo(5.0);
    }

    @Test
    void aRedeliveredEventChangesNothingAndCountsFollowTheStates() {
        projection.on(
                new AgentCallbackSentEvent(SESSION, CAMPAIGN, "acme", "ann@example.com", "+16465550101", null),
                0,
                at(0));
        assertThat(repository.counts(CAMPAIGN, "acme")).isEqualTo(new AgentCounts(0, 0, 0));
        projection.on(new AgentLoggedInEvent(SESSION, CAMPAIGN, "ann@example.com", at(10)), 1);
        assertThat(repository.counts(CAMPAIGN, "acme")).isEqualTo(new AgentCounts(1, 1, 0));
        AgentCallConnectedEvent connected =
                new AgentCallConnectedEvent(SESSION, CAMPAIGN, "call-1", "+12125550001", Map.of(), at(20));
        projection.on(connected, 2);
        projection.on(connected, 2);
        assertThat(repository.counts(CAMPAIGN, "acme")).isEqualTo(new AgentCounts(1, 0, 1));
        assertThat(repository.find(SESSION.value(), "acme").orElseThrow().calls())
                .isEqualTo(1);
        projection.on(new AgentCallEndedEvent(SESSION, CAMPAIGN, "call-1", at(50)), 3);
        assertThat(repository.counts(CAMPAIGN, "acme"))
                .as("entering a response: logged in, neither ready nor on a call")
                .isEqualTo(new AgentCounts(1, 0, 0));
        assertThat(repository.counts(CAMPAIGN, "other")).isEqualTo(new AgentCounts(0, 0, 0));
        assertThat(repository.find(SESSION.value(), "other")).isEmpty();
    }
}
