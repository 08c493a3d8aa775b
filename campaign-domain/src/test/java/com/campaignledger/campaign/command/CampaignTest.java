package com.campaignledger.campaign.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.campaign.api.AddNumbersCommand;
import com.campaignledger.campaign.api.AdjustDialRatioCommand;
import com.campaignledger.campaign.api.ArchiveCampaignCommand;
import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignRevisionMismatchException;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.ComplianceViolation;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.CreateCampaignCommand;
import com.campaignledger.campaign.api.DeleteCampaignCommand;
import com.campaignledger.campaign.api.DeleteQuestionsCommand;
import com.campaignledger.campaign.api.DeleteTransferNumbersCommand;
import com.campaignledger.campaign.api.DialRatioAdjustedEvent;
import com.campaignledger.campaign.api.DialRatioUpdatedEvent;
import com.campaignledger.campaign.api.FieldChange;
import com.campaignledger.campaign.api.IllegalCampaignTransitionException;
import com.campaignledger.campaign.api.InvalidCampaignException;
import com.campaignledger.campaign.api.NumberRemovedEvent;
import com.campaignledger.campaign.api.NumbersAdded;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.NumbersScrubbedEvent;
import com.campaignledger.campaign.api.Pacing;
import com.campaignledger.campaign.api.PacingBasis;
import com.campaignledger.campaign.api.Question;
import com.campaignledger.campaign.api.QuestionResponseType;
import com.campaignledger.campaign.api.QuestionsDeletedEvent;
import com.campaignledger.campaign.api.RecordCallResultCommand;
import com.campaignledger.campaign.api.RemoveNumberCommand;
import com.campaignledger.campaign.api.RetryConfig;
import com.campaignledger.campaign.api.ScrubNumbersCommand;
import com.campaignledger.campaign.api.StartCampaignCommand;
import com.campaignledger.campaign.api.StopCampaignCommand;
import com.campaignledger.campaign.api.TransferNumber;
import com.campaignledger.campaign.api.TransferNumbersDeletedEvent;
import com.campaignledger.campaign.api.UpdateCampaignCommand;
import com.campaignledger.campaign.api.UpdateDialRatioCommand;
import com.campaignledger.kernel.MetadataKeys;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final CampaignId ID = CampaignId.of(333);
    private static final String ACCOUNT = "acme";
    private static final ContactNumber ALICE = new ContactNumber("+12135551212", Map.of("name", "Alice"));
    private static final ContactNumber BOB = new ContactNumber("+13105550100", Map.of());

    /** Seed 000's second example, as the edge normalises it. */
    private static final CampaignSettings SEED = new CampaignSettings(
            "Test Broadcast Service (text to speech)",
            null,
            null,
            null,
            null,
            List.of(new TransferNumber(null, "+12135551212", false)),
            "+19206596476",
            new RetryConfig(3, 5, List.of(CallResult.BUSY, CallResult.NO_ANS), null),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    private FixtureConfiguration<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    private CampaignCreatedEvent created() {
        return new CampaignCreatedEvent(ID, ACCOUNT, SEED);
    }

    private NumbersAddedEvent numbersAdded(ContactNumber... numbers) {
        return new NumbersAddedEvent(ID, List.of(numbers), 0);
    }

    private static UpdateCampaignCommand update(Map<String, ?> values, Long expectedRevision) {
        return new UpdateCampaignCommand(ID, CampaignPatch.of(values), expectedRevision);
    }

    @Nested
    class Create {

        @Test
        void canCreateCampaignWithSeedSettings() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaignCommand(ID, ACCOUNT, SEED, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created());
        }

        @Test
        void canCreateCampaignWithNumbersSkippingDuplicates() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaignCommand(ID, ACCOUNT, SEED, List.of(ALICE, BOB, ALICE)))
                    .expectEvents(created(), new NumbersAddedEvent(ID, List.of(ALICE, BOB), 1));
        }

        @Test
        void cannotCreateCampaignWithoutName() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaignCommand(ID, ACCOUNT, CampaignSettings.named(" "), null))
                    .expectException(InvalidCampaignException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("name is required"))
                    .expectNoEvents();
        }

        @Test
        void cannotCreateCampaignWithBrokenRules() {
            CampaignSettings broken = CampaignSettings.named("x".repeat(201))
                    .with(CampaignPatch.of(Map.of(
                            "localRestrictBegin",
                            LocalTime.of(18, 0),
                            "localRestrictEnd",
                            LocalTime.of(9, 0),
                            "questions",
                            List.of(new Question("Vote?", QuestionResponseType.CHOICE, List.of())),
                            "fromNumber",
                            "+4420794609",
                            "retryConfig",
                            new RetryConfig(11, 0, null, null),
                            "multilineDialingRatio",
                            5,
                            "numberOfRings",
                            0)));
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaignCommand(ID, ACCOUNT, broken, null))
                    .expectNoEvents()
                    .expectException(InvalidCampaignException.class);
            assertThat(broken.violations())
                    .extracting(v -> v.field())
                    .containsExactly(
                            "name",
                            "localRestrictEnd",
                            "questions[0].choices",
                            "fromNumber",
                            "retryConfig.maxAttempts",
                            "retryConfig.minutesBetweenAttempts",
                            "multilineDialingRatio",
                            "numberOfRings");
        }

        @Test
        void cannotCreateCampaignWithNumbersNotInE164() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaignCommand(
                            ID, ACCOUNT, SEED, List.of(ALICE, new ContactNumber("2135551212", null))))
                    .expectException(InvalidCampaignException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("numbers[1].number"))
                    .expectNoEvents();
        }

        @Test
        void appliesCallFireDefaults() {
            CampaignSettings minimal = CampaignSettings.named("Test Broadcast Service");
            assertThat(minimal.retryConfig().maxAttempts()).isEqualTo(1);
            assertThat(minimal.retryConfig().minutesBetweenAttempts()).isEqualTo(60);
            assertThat(minimal.numberOfRings()).isEqualTo(4);
            assertThat(minimal.multilineDialingRatio()).isEqualTo(1);
            assertThat(minimal.violations()).isEmpty();
        }
    }

    @Nested
    class Accounts {

        @Test
        void aCommandForAnotherAccountFindsNoCampaignAndChangesNothing() {
            fixture.given(created())
                    .when(update(Map.of("script", "Hello"), null), Map.of(MetadataKeys.ACCOUNT_ID, "another-account"))
                    .expectNoEvents()
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }

        @Test
        void aCommandForTheCampaignsOwnAccountIsHandled() {
            fixture.given(created())
                    .when(update(Map.of("script", "Hello"), null), Map.of(MetadataKeys.ACCOUNT_ID, ACCOUNT))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }
    }

    @Nested
    class Update {

        @Test
        void canUpdateOnlyTheFieldsSent() {
            CampaignSettings expected = SEED.with(CampaignPatch.of(Map.of("script", "Hello", "labels", List.of("q4"))));
            fixture.given(created())
                    .when(update(Map.of("script", "Hello", "labels", List.of("q4")), null))
                    .expectEvents(new CampaignUpdatedEvent(
                            ID,
                            expected,
                            List.of(
                                    new FieldChange("script", null, "Hello"),
                                    new FieldChange("labels", List.of(), List.of("q4")))))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void updateNamesOldAndNewValuesOfNestedSettings() {
            fixture.given(created())
                    .when(update(Map.of("retryConfig", new RetryConfig(5, 10, List.of(CallResult.BUSY), null)), null))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.axonframework.test.matchers.Matchers.predicate(e -> {
                                        FieldChange change = ((CampaignUpdatedEvent) e)
                                                .changes()
                                                .get(0);
                                        return change.field().equals("retryConfig")
                                                && ((Map<?, ?>) change.oldValue())
                                                        .get("maxAttempts")
                                                        .equals(3)
                                                && ((Map<?, ?>) change.newValue())
                                                        .get("retryResults")
                                                        .equals(List.of("BUSY"));
                                    }),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }

        /** SPEC 3.7: ADAPTIVE pacing with a target drop rate of at most 3 % and a ceiling of 1 to 4 lines per agent. */
        @Test
        void pacingIsAdaptiveWithinTheLimitsOfTheRule() {
            assertThat(SEED.pacing()).isEqualTo(Pacing.FIXED);
            assertThat(SEED.targetDropRate()).isEqualTo(0.03);
            assertThat(SEED.maxRatio()).isEqualTo(4.0);
            fixture.given(created())
                    .when(update(Map.of("pacing", Pacing.ADAPTIVE, "targetDropRate", 0.02, "maxRatio", 2.5), null))
                    .expectEvents(new CampaignUpdatedEvent(
                            ID,
                            SEED.with(CampaignPatch.of(
                                    Map.of("pacing", Pacing.ADAPTIVE, "targetDropRate", 0.02, "maxRatio", 2.5))),
                            List.of(
                                    new FieldChange("pacing", "FIXED", "ADAPTIVE"),
                                    new FieldChange("targetDropRate", 0.03, 0.02),
                                    new FieldChange("maxRatio", 4.0, 2.5))));
            setUp();
            fixture.given(created())
                    .when(update(Map.of("targetDropRate", 0.031, "maxRatio", 4.5), null))
                    .expectNoEvents()
                    .expectException(InvalidCampaignException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("targetDropRate"),
                            org.hamcrest.Matchers.containsString("maxRatio")));
        }

        @Test
        void nullClearsAFieldToItsDefault() {
            Map<String, Object> clear = new HashMap<>();
            clear.put("retryConfig", null);
            fixture.given(created())
                    .when(update(clear, null))
                    .expectEvents(new CampaignUpdatedEvent(
                            ID,
                            SEED.with(CampaignPatch.of(clear)),
                            List.of(new FieldChange(
                                    "retryConfig",
                                    Map.of(
                                            "maxAttempts",
                                            3,
                                            "minutesBetweenAttempts",
                                            5,
                                            "retryResults",
                                            List.of("BUSY", "NO_ANS"),
                                            "retryPhoneTypes",
                                            List.of("FIRST_NUMBER")),
                                    Map.of(
                                            "maxAttempts",
                                            1,
                                            "minutesBetweenAttempts",
                                            60,
                                            "retryResults",
                                            List.of(),
                                            "retryPhoneTypes",
                                            List.of("FIRST_NUMBER"))))));
        }

        @Test
        void anUpdateThatChangesNothingWritesNothing() {
            fixture.given(created())
                    .when(update(Map.of("name", SEED.name()), null))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotClearTheName() {
            Map<String, Object> clear = new HashMap<>();
            clear.put("name", null);
            fixture.given(created())
                    .when(update(clear, null))
                    .expectException(InvalidCampaignException.class)
                    .expectNoEvents();
        }

        @Test
        void passcodeChangesAreAuditedWithoutTheirValue() {
            fixture.given(created())
                    .when(update(Map.of("passcodeHash", "sha256:abc"), null))
                    .expectEvents(new CampaignUpdatedEvent(
                            ID,
                            SEED.with(CampaignPatch.of(Map.of("passcodeHash", "sha256:abc"))),
                            List.of(new FieldChange("passcode", null, "******"))));
        }

        @Test
        void cannotUpdateWithAStaleRevision() {
            fixture.given(created(), numbersAdded(ALICE))
                    .when(update(Map.of("script", "Hello"), 1L))
                    .expectException(CampaignRevisionMismatchException.class)
                    .expectNoEvents();
        }

        @Test
        void canUpdateWithTheCurrentRevision() {
            fixture.given(created(), numbersAdded(ALICE))
                    .when(update(Map.of("script", "Hello"), 2L))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void cannotUpdateArchivedCampaign() {
            fixture.given(
                            created(),
                            new CampaignArchivedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.SETUP))
                    .when(update(Map.of("script", "Hello"), null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectExceptionMessage("Cannot update a campaign that is ARCHIVED")
                    .expectNoEvents();
        }

        @Test
        void cannotUpdateUnknownCampaign() {
            fixture.givenNoPriorActivity()
                    .when(update(Map.of("script", "Hello"), null))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Control {

        @Test
        void canStartCampaignWithNumbers() {
            fixture.given(created(), numbersAdded(ALICE))
                    .when(new StartCampaignCommand(ID, null))
                    .expectEvents(new CampaignStartedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.SETUP))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void cannotStartCampaignWithoutNumbers() {
            fixture.given(created())
                    .when(new StartCampaignCommand(ID, null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectExceptionMessage("Cannot START a campaign that is SETUP: it has no numbers to call")
                    .expectNoEvents();
        }

        @Test
        void cannotStartCampaignWithoutCallerId() {
            fixture.given(
                            new CampaignCreatedEvent(ID, ACCOUNT, CampaignSettings.named("No caller id")),
                            numbersAdded(ALICE))
                    .when(new StartCampaignCommand(ID, null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectExceptionMessage("Cannot START a campaign that is SETUP: it has no fromNumber (caller id)")
                    .expectNoEvents();
        }

        @Test
        void cannotStartRunningCampaign() {
            fixture.given(created(), numbersAdded(ALICE), started())
                    .when(new StartCampaignCommand(ID, null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectExceptionMessage("Cannot START a campaign that is RUNNING")
                    .expectNoEvents();
        }

        @Test
        void canStopRunningCampaign() {
            fixture.given(created(), numbersAdded(ALICE), started())
                    .when(new StopCampaignCommand(ID, null))
                    .expectEvents(new CampaignStoppedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.RUNNING));
        }

        @Test
        void cannotStopCampaignInSetup() {
            fixture.given(created())
                    .when(new StopCampaignCommand(ID, null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectExceptionMessage("Cannot STOP a campaign that is SETUP")
                    .expectNoEvents();
        }

        @Test
        void canRestartStoppedCampaign() {
            fixture.given(created(), numbersAdded(ALICE), started(), stopped())
                    .when(new StartCampaignCommand(ID, null))
                    .expectEvents(new CampaignStartedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.STOPPED));
        }

        @Test
        void canArchiveCampaignInSetupOrStopped() {
            fixture.given(created())
                    .when(new ArchiveCampaignCommand(ID, null))
                    .expectEvents(new CampaignArchivedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.SETUP));
            fixture.given(created(), numbersAdded(ALICE), started(), stopped())
                    .when(new ArchiveCampaignCommand(ID, null))
                    .expectEvents(
                            new CampaignArchivedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.STOPPED));
        }

        @Test
        void cannotArchiveRunningCampaign() {
            fixture.given(created(), numbersAdded(ALICE), started())
                    .when(new ArchiveCampaignCommand(ID, null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectExceptionMessage("Cannot ARCHIVE a campaign that is RUNNING")
                    .expectNoEvents();
        }

        @Test
        void cannotStartArchivedCampaign() {
            fixture.given(created(), numbersAdded(ALICE), archived())
                    .when(new StartCampaignCommand(ID, null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotArchiveArchivedCampaign() {
            fixture.given(created(), archived())
                    .when(new ArchiveCampaignCommand(ID, null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void controlHonoursTheExpectedRevision() {
            fixture.given(created(), numbersAdded(ALICE))
                    .when(new StartCampaignCommand(ID, 1L))
                    .expectException(CampaignRevisionMismatchException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Delete {

        @Test
        void canDeleteCampaignNotRunning() {
            fixture.given(created())
                    .when(new DeleteCampaignCommand(ID, null))
                    .expectEvents(new CampaignDeletedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.SETUP))
                    .expectMarkedDeleted();
        }

        @Test
        void cannotDeleteRunningCampaign() {
            fixture.given(created(), numbersAdded(ALICE), started())
                    .when(new DeleteCampaignCommand(ID, null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectExceptionMessage("Cannot delete a campaign that is RUNNING: stop it first")
                    .expectNoEvents();
        }

        @Test
        void canDeleteTransferNumbers() {
            fixture.given(created())
                    .when(new DeleteTransferNumbersCommand(ID, null))
                    .expectEvents(new TransferNumbersDeletedEvent(ID, SEED.transferNumbers()));
        }

        @Test
        void deletingAbsentTransferNumbersWritesNothing() {
            fixture.given(created(), new TransferNumbersDeletedEvent(ID, SEED.transferNumbers()))
                    .when(new DeleteTransferNumbersCommand(ID, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void canDeleteQuestions() {
            List<Question> questions = List.of(new Question("Will you vote?", QuestionResponseType.STRING, null));
            CampaignSettings withQuestions = SEED.with(CampaignPatch.of(Map.of("questions", questions)));
            fixture.given(new CampaignCreatedEvent(ID, ACCOUNT, withQuestions))
                    .when(new DeleteQuestionsCommand(ID, null))
                    .expectEvents(new QuestionsDeletedEvent(ID, questions));
        }

        @Test
        void cannotDeleteQuestionsOfArchivedCampaign() {
            fixture.given(created(), archived())
                    .when(new DeleteQuestionsCommand(ID, null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class DialRatio {

        @Test
        void canUpdateDialRatio() {
            fixture.given(created())
                    .when(new UpdateDialRatioCommand(ID, 2.5, null))
                    .expectEvents(new DialRatioUpdatedEvent(ID, 1.0, 2.5));
        }

        /** SPEC 3.7: each change of ADAPTIVE pacing's ratio is an event with the figures it came from. */
        @Test
        void adaptivePacingRecordsEachChangeWithItsFigures() {
            PacingBasis basis = new PacingBasis(0.25, 12, 60, 3, 7, 970, 20, 0.03, 0.036);
            CampaignUpdatedEvent adaptive = new CampaignUpdatedEvent(
                    ID,
                    SEED.with(CampaignPatch.of(Map.of("pacing", Pacing.ADAPTIVE))),
                    List.of(new FieldChange("pacing", "FIXED", "ADAPTIVE")));
            fixture.given(created(), adaptive, started())
                    .when(new AdjustDialRatioCommand(ID, 3.67, basis))
                    .expectEvents(new DialRatioAdjustedEvent(ID, 0, 3.67, basis));
            setUp();
            fixture.given(created(), adaptive, started(), new DialRatioAdjustedEvent(ID, 0, 3.67, basis))
                    .when(new AdjustDialRatioCommand(ID, 3.67, basis))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            setUp();
            fixture.given(created(), started())
                    .when(new AdjustDialRatioCommand(ID, 2, basis))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotSetDialRatioOutOfRange() {
            fixture.given(created())
                    .when(new UpdateDialRatioCommand(ID, 4.5, null))
                    .expectException(InvalidCampaignException.class)
                    .expectNoEvents();
            fixture.given(created())
                    .when(new UpdateDialRatioCommand(ID, 0.5, null))
                    .expectException(InvalidCampaignException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Numbers {

        @Test
        void canAddNumbersCountingDuplicates() {
            fixture.given(created(), numbersAdded(ALICE))
                    .when(new AddNumbersCommand(ID, List.of(ALICE, BOB, BOB), null))
                    .expectEvents(new NumbersAddedEvent(ID, List.of(BOB), 2))
                    .expectResultMessagePayload(new NumbersAdded(1, 2, 0, 3));
        }

        /** Numbers on one of the account's do-not-call lists when sent are kept, but scrubbed: never dialled. */
        @Test
        void numbersOnDncAreScrubbedAtUpload() {
            fixture.given(created(), numbersAdded(ALICE))
                    .when(new AddNumbersCommand(ID, List.of(BOB, ALICE), Set.of(BOB.number(), ALICE.number()), null))
                    .expectEvents(
                            new NumbersAddedEvent(ID, List.of(BOB), 1),
                            new NumbersScrubbedEvent(
                                    ID, List.of(BOB.number()), "on a do-not-call list of the account when uploaded"))
                    .expectResultMessagePayload(new NumbersAdded(1, 1, 1, 3));
        }

        /** A number put on a list later is scrubbed where it is not done; the last open one finishes the campaign. */
        @Test
        void aNumberPutOnDncLaterIsScrubbedAndMayFinishTheCampaign() {
            fixture.given(created(), numbersAdded(ALICE, BOB), started())
                    .when(new ScrubNumbersCommand(ID, List.of(BOB.number(), "+19995550000"), "added to DNC list 1"))
                    .expectEvents(new NumbersScrubbedEvent(ID, List.of(BOB.number()), "added to DNC list 1"));
            fixture.given(created(), numbersAdded(ALICE, BOB), started())
                    .andGivenCommands(new ScrubNumbersCommand(ID, List.of(BOB.number()), "r"))
                    .when(new ScrubNumbersCommand(ID, List.of(ALICE.number(), BOB.number()), "r"))
                    .expectEvents(
                            new NumbersScrubbedEvent(ID, List.of(ALICE.number()), "r"), new CampaignFinishedEvent(ID));
        }

        /**
         * The same scrub again writes nothing: DNC scrubbing sends each scrub in a transaction of its own, and a batch
         * retried after one committed sends it a second time.
         */
        @Test
        void theSameScrubAgainWritesNothing() {
            fixture.given(created(), numbersAdded(ALICE, BOB), started())
                    .andGivenCommands(new ScrubNumbersCommand(ID, List.of(BOB.number()), "added to DNC list 1"))
                    .when(new ScrubNumbersCommand(ID, List.of(BOB.number()), "added to DNC list 1"))
                    .expectNoEvents();
        }

        /** The call happened: a dialer's report for a scrubbed number is recorded, not refused; it stays scrubbed. */
        @Test
        void aReportForAScrubbedNumberIsRecordedAndItStaysScrubbed() {
            Instant start = Instant.parse("2026-03-24T19:00:00Z");
            fixture.given(
                            created(),
                            numbersAdded(ALICE, BOB),
                            started(),
                            new NumbersScrubbedEvent(ID, List.of(BOB.number()), "r"))
                    .when(new RecordCallResultCommand(
                            ID,
                            "c1",
                            BOB.number(),
                            CallResult.BUSY,
                            null,
                            start,
                            10,
                            null,
                            true,
                            true,
                            java.time.ZoneId.of("America/Los_Angeles")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CallResultRecordedEvent(
                            ID,
                            "c1",
                            BOB.number(),
                            CallResult.BUSY,
                            1,
                            start,
                            10,
                            null,
                            true,
                            null,
                            ComplianceViolation.DNC));
        }

        /** A number not dialled to its final result can be removed; a done one cannot; the last open one finishes. */
        @Test
        void aNumberNotDoneCanBeRemoved() {
            fixture.given(created(), numbersAdded(ALICE, BOB), started())
                    .when(new RemoveNumberCommand(ID, BOB.number()))
                    .expectEvents(new NumberRemovedEvent(ID, BOB.number()));
            fixture.given(created(), numbersAdded(ALICE, BOB), started())
                    .andGivenCommands(new RemoveNumberCommand(ID, BOB.number()))
                    .when(new RemoveNumberCommand(ID, ALICE.number()))
                    .expectEvents(new NumberRemovedEvent(ID, ALICE.number()), new CampaignFinishedEvent(ID));
            fixture.given(created(), numbersAdded(ALICE), new NumbersScrubbedEvent(ID, List.of(ALICE.number()), "r"))
                    .when(new RemoveNumberCommand(ID, ALICE.number()))
                    .expectNoEvents()
                    .expectException(IllegalCampaignTransitionException.class);
            fixture.given(created(), numbersAdded(ALICE))
                    .when(new RemoveNumberCommand(ID, BOB.number()))
                    .expectNoEvents()
                    .expectException(InvalidCampaignException.class);
        }

        @Test
        void aCampaignWithScrubLevelZeroScrubsNothing() {
            CampaignSettings noScrub =
                    CampaignSettings.named("No scrub").with(CampaignPatch.of(Map.of("scrubLevel", 0)));
            fixture.given(new CampaignCreatedEvent(ID, ACCOUNT, noScrub), numbersAdded(ALICE))
                    .when(new ScrubNumbersCommand(ID, List.of(ALICE.number()), "r"))
                    .expectNoEvents();
        }

        @Test
        void canAddNumbersWhileRunning() {
            fixture.given(created(), numbersAdded(ALICE), started())
                    .when(new AddNumbersCommand(ID, List.of(BOB), null))
                    .expectEvents(numbersAdded(BOB));
        }

        @Test
        void cannotAddNumbersToArchivedCampaign() {
            fixture.given(created(), archived())
                    .when(new AddNumbersCommand(ID, List.of(BOB), null))
                    .expectException(IllegalCampaignTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotAddNumbersNotInE164() {
            fixture.given(created())
                    .when(new AddNumbersCommand(ID, List.of(BOB, new ContactNumber("555", null)), null))
                    .expectException(InvalidCampaignException.class)
                    .expectNoEvents();
        }
    }

    private static CampaignStartedEvent started() {
        return new CampaignStartedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.SETUP);
    }

    private static CampaignStoppedEvent stopped() {
        return new CampaignStoppedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.RUNNING);
    }

    private static CampaignArchivedEvent archived() {
        return new CampaignArchivedEvent(ID, com.campaignledger.campaign.api.CampaignStatus.SETUP);
    }
}
