package com.campaignledger.campaign.command;

import static org.hamcrest.Matchers.containsString;

import com.campaignledger.campaign.api.AddNumbersCommand;
import com.campaignledger.campaign.api.CallRecorded;
import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.IllegalCampaignTransitionException;
import com.campaignledger.campaign.api.InvalidCampaignException;
import com.campaignledger.campaign.api.LoadCampaignCommand;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.RecordCallResultCommand;
import com.campaignledger.campaign.api.RetryConfig;
import com.campaignledger.campaign.api.StartCampaignCommand;
import com.campaignledger.campaign.api.UpdateCampaignCommand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dial attempts, retries and the campaign finishing by itself. */
class CampaignCallsTest {

    private static final CampaignId ID = CampaignId.of(7);
    private static final String A = "+12135551212";
    private static final String B = "+13105550100";
    private static final Instant T0 = Instant.parse("2026-03-24T15:58:18Z");

    /** 3 attempts, 5 minutes apart, retrying BUSY and NO_ANS (seed 000's example). */
    private static final CampaignSettings SETTINGS = CampaignSettings.named("Calls")
            .with(CampaignPatch.of(Map.of(
                    "fromNumber",
                    "+19206596476",
                    "retryConfig",
                    new RetryConfig(3, 5, List.of(CallResult.BUSY, CallResult.NO_ANS), null))));

    private FixtureConfiguration<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    private static Object[] running(String... numbers) {
        return new Object[] {
            new CampaignCreatedEvent(ID, "acme", SETTINGS),
            new NumbersAddedEvent(
                    ID,
                    java.util.Arrays.stream(numbers)
                            .map(n -> new ContactNumber(n, null))
                            .toList(),
                    0),
            new CampaignStartedEvent(ID, CampaignStatus.SETUP)
        };
    }

    private static RecordCallResultCommand call(String callId, String number, CallResult result, Integer attempt) {
        return new RecordCallResultCommand(ID, callId, number, result, attempt, T0, 30, null);
    }

    private static CallResultRecordedEvent recorded(
            String callId, String number, CallResult result, int attempt, boolean isFinal, Instant retryAt) {
        return new CallResultRecordedEvent(ID, callId, number, result, attempt, T0, 30, null, isFinal, retryAt);
    }

    @Test
    void aFinalResultClosesTheNumber() {
        fixture.given(running(A, B))
                .when(call("c1", A, CallResult.LA, null))
                .expectEvents(recorded("c1", A, CallResult.LA, 1, true, null))
                .expectResultMessagePayload(new CallRecorded(1, true, null, false));
    }

    @Test
    void aRetryableResultIsRetriedAfterTheConfiguredMinutes() {
        Instant retryAt = T0.plusSeconds(30).plusSeconds(5 * 60);
        fixture.given(running(A))
                .when(call("c1", A, CallResult.BUSY, 1))
                .expectEvents(recorded("c1", A, CallResult.BUSY, 1, false, retryAt));
    }

    @Test
    void aRetryableResultOnTheLastAttemptIsFinalAndFinishesTheCampaign() {
        Object[] given = running(A);
        fixture.given(
                        given[0],
                        given[1],
                        given[2],
                        recorded("c1", A, CallResult.BUSY, 1, false, T0.plusSeconds(330)),
                        recorded("c2", A, CallResult.NO_ANS, 2, false, T0.plusSeconds(330)))
                .when(call("c3", A, CallResult.BUSY, 3))
                .expectEvents(recorded("c3", A, CallResult.BUSY, 3, true, null), new CampaignFinishedEvent(ID))
                .expectResultMessagePayload(new CallRecorded(3, true, null, true));
    }

    @Test
    void theCampaignFinishesOnlyWhenEveryNumberIsFinal() {
        Object[] given = running(A, B);
        fixture.given(given[0], given[1], given[2], recorded("c1", A, CallResult.LA, 1, true, null))
                .when(call("c2", B, CallResult.DNC, null))
                .expectEvents(recorded("c2", B, CallResult.DNC, 1, true, null), new CampaignFinishedEvent(ID));
    }

    @Test
    void aNumberWaitingForARetryKeepsTheCampaignRunning() {
        Object[] given = running(A, B);
        fixture.given(given[0], given[1], given[2], recorded("c1", A, CallResult.BUSY, 1, false, T0))
                .when(call("c2", B, CallResult.LA, null))
                .expectEvents(recorded("c2", B, CallResult.LA, 1, true, null));
    }

    @Test
    void aNumberAddedWhileRunningIsDialedAndKeepsTheCampaignOpen() {
        Object[] given = running(A);
        fixture.given(given[0], given[1], given[2], new NumbersAddedEvent(ID, List.of(new ContactNumber(B, null)), 0))
                .when(call("c1", A, CallResult.LA, null))
                .expectEvents(recorded("c1", A, CallResult.LA, 1, true, null));
        fixture.given(
                        given[0],
                        given[1],
                        given[2],
                        new NumbersAddedEvent(ID, List.of(new ContactNumber(B, null)), 0),
                        recorded("c1", A, CallResult.LA, 1, true, null))
                .when(call("c2", B, CallResult.AM, null))
                .expectEvents(recorded("c2", B, CallResult.AM, 1, true, null), new CampaignFinishedEvent(ID));
    }

    @Test
    void aFinishedCampaignTakesNoMoreCallsNorNumbers() {
        Object[] given = running(A);
        Object[] finished = {
            given[0], given[1], given[2], recorded("c1", A, CallResult.LA, 1, true, null), new CampaignFinishedEvent(ID)
        };
        fixture.given(finished)
                .when(call("c2", A, CallResult.LA, null))
                .expectException(IllegalCampaignTransitionException.class)
                .expectExceptionMessage("Cannot record a call for a campaign that is FINISHED")
                .expectNoEvents();
        fixture.given(finished)
                .when(new AddNumbersCommand(ID, List.of(new ContactNumber(B, null)), null))
                .expectException(IllegalCampaignTransitionException.class)
                .expectNoEvents();
        fixture.given(finished)
                .when(new StartCampaignCommand(ID, null))
                .expectException(IllegalCampaignTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordACallForANumberNotOnTheList() {
        fixture.given(running(A))
                .when(call("c1", B, CallResult.LA, null))
                .expectException(InvalidCampaignException.class)
                .expectExceptionMessage(containsString("number is not a number of this campaign"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordACallForANumberAlreadyFinal() {
        Object[] given = running(A, B);
        fixture.given(given[0], given[1], given[2], recorded("c1", A, CallResult.LA, 1, true, null))
                .when(call("c2", A, CallResult.BUSY, null))
                .expectException(IllegalCampaignTransitionException.class)
                .expectExceptionMessage(containsString("already has its final result LA"))
                .expectNoEvents();
    }

    @Test
    void theSameCallReportedAgainChangesNothing() {
        Object[] given = running(A, B);
        fixture.given(given[0], given[1], given[2], recorded("c1", A, CallResult.BUSY, 1, false, T0))
                .when(call("c1", A, CallResult.BUSY, null))
                .expectNoEvents()
                .expectResultMessagePayload(new CallRecorded(1, false, T0, false));
    }

    @Test
    void cannotRecordTheSameAttemptTwice() {
        Object[] given = running(A);
        fixture.given(given[0], given[1], given[2], recorded("c1", A, CallResult.BUSY, 1, false, T0))
                .when(call("c2", A, CallResult.BUSY, 1))
                .expectException(IllegalCampaignTransitionException.class)
                .expectExceptionMessage(containsString("is at attempt 1"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordACallBeforeTheCampaignStarts() {
        fixture.given(
                        new CampaignCreatedEvent(ID, "acme", SETTINGS),
                        new NumbersAddedEvent(ID, List.of(new ContactNumber(A, null)), 0))
                .when(call("c1", A, CallResult.LA, null))
                .expectException(IllegalCampaignTransitionException.class)
                .expectExceptionMessage("Cannot record a call for a campaign that is SETUP")
                .expectNoEvents();
    }

    @Test
    void aCallEndingAfterAStopIsRecordedAndTheCampaignFinishesOnItsNextStart() {
        Object[] given = running(A);
        CampaignStoppedEvent stopped = new CampaignStoppedEvent(ID, CampaignStatus.RUNNING);
        fixture.given(given[0], given[1], given[2], stopped)
                .when(call("c1", A, CallResult.LA, null))
                .expectEvents(recorded("c1", A, CallResult.LA, 1, true, null));
        fixture.given(given[0], given[1], given[2], stopped, recorded("c1", A, CallResult.LA, 1, true, null))
                .when(new StartCampaignCommand(ID, null))
                .expectEvents(new CampaignStartedEvent(ID, CampaignStatus.STOPPED), new CampaignFinishedEvent(ID));
    }

    @Test
    void theExternalDialerReportsOnlyWhileTheCampaignRuns() {
        Object[] given = running(A, B);
        fixture.given(given[0], given[1], given[2], new CampaignStoppedEvent(ID, CampaignStatus.RUNNING))
                .when(new RecordCallResultCommand(ID, "c1", A, CallResult.LA, null, T0, 30, null, true))
                .expectException(IllegalCampaignTransitionException.class)
                .expectExceptionMessage("Cannot record a call for a campaign that is STOPPED")
                .expectNoEvents();
        fixture.given(given)
                .when(new RecordCallResultCommand(ID, "c1", A, CallResult.LA, null, T0, 30, null, true))
                .expectEvents(recorded("c1", A, CallResult.LA, 1, true, null));
    }

    @Test
    void loadingACampaignChangesNothing() {
        fixture.given(running(A))
                .when(new LoadCampaignCommand(ID))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(CampaignStatus.RUNNING)
                .expectNoEvents();
    }

    @Test
    void cannotRecordACallWithoutItsFacts() {
        fixture.given(running(A))
                .when(new RecordCallResultCommand(ID, " ", A, null, null, null, -1, null))
                .expectException(InvalidCampaignException.class)
                .expectExceptionMessage(containsString("callId"))
                .expectExceptionMessage(containsString("result is required"))
                .expectExceptionMessage(containsString("startTime is required"))
                .expectExceptionMessage(containsString("durationSeconds"))
                .expectNoEvents();
    }

    @Test
    void callsDoNotMoveTheRevisionSoIfMatchStaysValid() {
        Object[] given = running(A, B);
        // created 1, numbers 2, started 3: a call in between leaves the ETag at 3
        fixture.given(given[0], given[1], given[2], recorded("c1", A, CallResult.LA, 1, true, null))
                .when(new UpdateCampaignCommand(ID, CampaignPatch.of(Map.of("script", "Hi")), 3L))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(4L);
    }
}
