package com.campaignledger.notifications.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.ResultCategory;
import com.campaignledger.campaign.billing.CallUsage;
import com.campaignledger.notifications.api.CallNotificationDecidedEvent;
import com.campaignledger.notifications.api.CampaignCounters;
import com.campaignledger.notifications.api.CampaignNotificationDecidedEvent;
import com.campaignledger.notifications.api.ComplianceAlertDecidedEvent;
import com.campaignledger.notifications.api.PostbackKind;
import com.campaignledger.notifications.api.TriggerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.axonframework.test.matchers.Matchers;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignNotificationSagaTest {

    static final CampaignId ID = CampaignId.of(42);
    static final String AGGREGATE = ID.toString();
    static final String ACCOUNT = "acme";
    static final CampaignSettings SETTINGS = CampaignSettings.named("Spring drive")
            .with(CampaignPatch.of(Map.of("fromNumber", "+19206596476", "labels", List.of("east", "q4"))));

    SagaTestFixture<CampaignNotificationSaga> fixture;
    FakeTargets targets;
    FakeNumbers numbers;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CampaignNotificationSaga.class);
        targets = new FakeTargets();
        numbers = new FakeNumbers();
        fixture.registerResource(targets);
        fixture.registerResource(numbers);
        fixture.registerResource(
                DefaultEventGateway.builder().eventBus(fixture.getEventBus()).build());
    }

    @Test
    void aCampaignStartsItsSagaAssociatedByItsId() {
        fixture.givenNoPriorActivity()
                .whenAggregate(AGGREGATE)
                .publishes(new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS))
                .expectActiveSagas(1)
                .expectAssociationWith("campaignId", AGGREGATE)
                .expectNoScheduledDeadlines()
                .expectPublishedEvents();
    }

    @Test
    void startedCampaignIsNotifiedToTheMatchingSubscriptionsWithItsCurrentSettings() {
        targets.subscriptions.put(TriggerEvent.CAMPAIGN_STARTED, List.of(3L, 5L));
        CampaignSettings renamed = SETTINGS.with(CampaignPatch.of(Map.of("name", "Renamed drive")));
        fixture.givenAggregate(AGGREGATE)
                .published(
                        new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS),
                        new CampaignUpdatedEvent(ID, renamed, List.of()))
                .whenAggregate(AGGREGATE)
                .publishes(new CampaignStartedEvent(ID, CampaignStatus.SETUP))
                .expectActiveSagas(1)
                .expectPublishedEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        decided(
                                CampaignNotificationDecidedEvent.class,
                                e -> e.trigger() == TriggerEvent.CAMPAIGN_STARTED
                                        && e.subscriptionIds().equals(List.of(3L, 5L))
                                        && e.postbackIds().isEmpty()
                                        && e.campaign().status() == CampaignStatus.RUNNING
                                        && e.campaign().name().equals("Renamed drive")
                                        && e.campaign().accountId().equals(ACCOUNT)
                                        && e.campaign().labels().equals(List.of("east", "q4"))
                                        && e.campaign().config().fromNumber().equals("+19206596476")
                                        && e.sourceEventId() != null),
                        Matchers.andNoMore())));
        assertThat(targets.asked).containsExactly("CAMPAIGN_STARTED/acme/42");
    }

    @Test
    void stoppedCampaignIsNotified() {
        targets.subscriptions.put(TriggerEvent.CAMPAIGN_STOPPED, List.of(8L));
        fixture.givenAggregate(AGGREGATE)
                .published(
                        new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS),
                        new CampaignStartedEvent(ID, CampaignStatus.SETUP))
                .whenAggregate(AGGREGATE)
                .publishes(new CampaignStoppedEvent(ID, CampaignStatus.RUNNING))
                .expectActiveSagas(1)
                .expectPublishedEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        decided(
                                CampaignNotificationDecidedEvent.class,
                                e -> e.trigger() == TriggerEvent.CAMPAIGN_STOPPED
                                        && e.subscriptionIds().equals(List.of(8L))
                                        && e.campaign().status() == CampaignStatus.STOPPED),
                        Matchers.andNoMore())));
    }

    @Test
    void nobodySubscribedMeansNothingIsPublished() {
        fixture.givenAggregate(AGGREGATE)
                .published(new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS))
                .whenAggregate(AGGREGATE)
                .publishes(new CampaignStartedEvent(ID, CampaignStatus.SETUP))
                .expectActiveSagas(1)
                .expectPublishedEvents();
    }

    @Test
    void finishedCampaignIsNotifiedWithItsCountersAndCallUsageAndEndsTheSaga() {
        targets.subscriptions.put(TriggerEvent.CAMPAIGN_FINISHED, List.of(4L));
        targets.postbacks.put(PostbackKind.CAMPAIGN_FINISH, List.of(9L));
        fixture.givenAggregate(AGGREGATE)
                .published(
                        new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS),
                        new NumbersAddedEvent(
                                ID,
                                List.of(
                                        new ContactNumber("+12135551212", null),
                                        new ContactNumber("+13105550100", null),
                                        new ContactNumber("+14155550101", null)),
                                0),
                        new CampaignStartedEvent(ID, CampaignStatus.SETUP),
                        call("+12135551212", CallResult.BUSY, 1, false),
                        call("+13105550100", CallResult.AM, 1, true),
                        call("+12135551212", CallResult.LA, 2, true))
                .whenAggregate(AGGREGATE)
                .publishes(new CampaignFinishedEvent(ID))
                .expectActiveSagas(0)
                .expectNoAssociationWith("campaignId", AGGREGATE)
                .expectPublishedEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        decided(
                                CampaignNotificationDecidedEvent.class,
                                e -> e.trigger() == TriggerEvent.CAMPAIGN_FINISHED
                                        && e.subscriptionIds().equals(List.of(4L))
                                        && e.postbackIds().equals(List.of(9L))
                                        && e.campaign().status() == CampaignStatus.FINISHED
                                        // Numbers count once, under their latest result: BUSY then LA counts as live.
                                        && e.stats().equals(new CampaignCounters(3, 2, 1, 1, 0, 0, 0, 0, 0, 0))
                                        // Every attempt is billed: three of 35 s, each a whole minute.
                                        && e.usage().equals(new CallUsage(105, 3))),
                        Matchers.andNoMore())));
        assertThat(numbers.results).doesNotContainKey(42L);
    }

    @Test
    void deletedOrArchivedCampaignEndsTheSagaWithoutNotifying() {
        targets.subscriptions.put(TriggerEvent.CAMPAIGN_STOPPED, List.of(8L));
        fixture.givenAggregate(AGGREGATE)
                .published(new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS))
                .whenAggregate(AGGREGATE)
                .publishes(new CampaignDeletedEvent(ID, CampaignStatus.SETUP))
                .expectActiveSagas(0)
                .expectPublishedEvents();
        setUp();
        fixture.givenAggregate(AGGREGATE)
                .published(new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS))
                .whenAggregate(AGGREGATE)
                .publishes(new CampaignArchivedEvent(ID, CampaignStatus.SETUP))
                .expectActiveSagas(0)
                .expectPublishedEvents();
    }

    @Test
    void finishedCallIsNotifiedWithTheNumbersExtraDataToSubscriptionsAndThePostback() {
        targets.subscriptions.put(TriggerEvent.OUTBOUND_CALL_FINISHED, List.of(6L));
        targets.postbacks.put(PostbackKind.CALL_FINISH, List.of(2L));
        fixture.givenAggregate(AGGREGATE)
                .published(
                        new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS),
                        new NumbersAddedEvent(
                                ID, List.of(new ContactNumber("+12135551212", Map.of("name", "Alice"))), 0),
                        new CampaignStartedEvent(ID, CampaignStatus.SETUP))
                .whenAggregate(AGGREGATE)
                .publishes(call("+12135551212", CallResult.LA, 1, true))
                .expectActiveSagas(1)
                .expectPublishedEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        decided(
                                CallNotificationDecidedEvent.class,
                                e -> e.subscriptionIds().equals(List.of(6L))
                                        && e.postbackIds().equals(List.of(2L))
                                        && e.call().callId().equals("call-+12135551212-1")
                                        && e.call().result() == CallResult.LA
                                        && e.call().extraData().equals(Map.of("name", "Alice"))
                                        && e.call().fromNumber().equals("+19206596476")
                                        && e.call().agent() == null
                                        && e.campaign().campaignId() == 42),
                        Matchers.andNoMore())));
        assertThat(numbers.results.get(42L)).containsEntry("+12135551212", CallResult.LA);
    }

    @Test
    void aConnectedCallIsNotifiedWithItsAgentsResponseNotesAndStoredData() {
        targets.subscriptions.put(TriggerEvent.OUTBOUND_CALL_FINISHED, List.of(6L));
        java.time.Instant answered = java.time.Instant.parse("2026-03-24T15:58:38Z");
        Map<String, String> storedData = new java.util.LinkedHashMap<>();
        storedData.put("willvote", "yes");
        storedData.put("bigconcern", "economy");
        fixture.givenAggregate(AGGREGATE)
                .published(
                        new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS),
                        new NumbersAddedEvent(ID, List.of(new ContactNumber("+12135551212", Map.of())), 0),
                        new CampaignStartedEvent(ID, CampaignStatus.SETUP))
                .andThenAggregate("agent-session-7")
                .published(new com.campaignledger.agent.session.api.AgentResponseStoredEvent(
                        com.campaignledger.agent.session.api.AgentSessionId.of(7),
                        42,
                        "call-+12135551212-1",
                        "+12135551212",
                        "interested",
                        "call back Friday",
                        false,
                        false,
                        answered.minusSeconds(40),
                        answered.minusSeconds(5),
                        answered,
                        storedData))
                .whenAggregate(AGGREGATE)
                .publishes(call("+12135551212", CallResult.LA, 1, true))
                .expectPublishedEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        decided(
                                CallNotificationDecidedEvent.class,
                                e -> e.call().agent() != null
                                        && e.call().agent().agentId().equals("7")
                                        && e.call().agent().agentResponse().equals("interested")
                                        && e.call().agent().agentNotes().equals("call back Friday")
                                        && e.call().agent().responseTime().equals(answered)
                                        && List.copyOf(e.call()
                                                        .agent()
                                                        .storedData()
                                                        .entrySet())
                                                .equals(List.copyOf(storedData.entrySet()))),
                        Matchers.andNoMore())));
    }

    @Test
    void callResultsAreCountedEvenWhenNobodyIsToldOfThem() {
        fixture.givenAggregate(AGGREGATE)
                .published(new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS))
                .whenAggregate(AGGREGATE)
                .publishes(call("+12135551212", CallResult.NO_ANS, 1, false))
                .expectPublishedEvents();
        assertThat(numbers.results.get(42L)).containsEntry("+12135551212", CallResult.NO_ANS);
    }

    @Test
    void eventsOfACampaignWithoutSagaAreIgnored() {
        targets.subscriptions.put(TriggerEvent.CAMPAIGN_STARTED, List.of(3L));
        fixture.givenNoPriorActivity()
                .whenAggregate(AGGREGATE)
                .publishes(new CampaignStartedEvent(ID, CampaignStatus.SETUP))
                .expectActiveSagas(0)
                .expectPublishedEvents();
    }

    /** The given events, and before them the campaign's creation and {@code connected} live answers. */
    private static Object[] afterLiveAnswers(int connected, Object... more) {
        List<Object> events = new ArrayList<>();
        events.add(new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS));
        for (int i = 0; i < connected; i++) {
            events.add(call("+1213555" + String.format("%04d", i), CallResult.LA, 1, true));
        }
        events.addAll(List.of(more));
        return events.toArray();
    }

    /** SPEC 3.7: the drop that takes the 30-day rate past 3 % raises one COMPLIANCE_ALERT, with the figures. */
    @Test
    void aDropThatTakesTheRatePastTheLimitRaisesOneComplianceAlert() {
        targets.subscriptions.put(TriggerEvent.COMPLIANCE_ALERT, List.of(9L));
        // 33 connected and 1 dropped: 1 / 34 = 2.94 %, within.
        fixture.givenAggregate(AGGREGATE)
                .published(afterLiveAnswers(33))
                .whenAggregate(AGGREGATE)
                .publishes(call("+12135559001", CallResult.SD, 1, true))
                .expectPublishedEvents();
        // A second drop: 2 / 35 = 5.71 %, past the limit.
        setUp();
        targets.subscriptions.put(TriggerEvent.COMPLIANCE_ALERT, List.of(9L));
        fixture.givenAggregate(AGGREGATE)
                .published(afterLiveAnswers(33, call("+12135559001", CallResult.SD, 1, true)))
                .whenAggregate(AGGREGATE)
                .publishes(call("+12135559002", CallResult.ABANDONED, 1, true))
                .expectPublishedEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        decided(
                                ComplianceAlertDecidedEvent.class,
                                d -> d.subscriptionIds().equals(List.of(9L))
                                        && d.compliance().liveAnswers() == 33
                                        && d.compliance().drops() == 2
                                        && d.compliance().dropRate().compareTo(new java.math.BigDecimal("0.0571")) == 0
                                        && d.compliance().to().toString().equals("2026-03-24")
                                        && d.compliance().from().toString().equals("2026-02-23")
                                        && d.campaign().campaignId() == ID.value()),
                        Matchers.andNoMore())));
    }

    @Test
    void anAlertStandsUntilTheRateIsBackWithinTheLimit() {
        targets.subscriptions.put(TriggerEvent.COMPLIANCE_ALERT, List.of(9L));
        Object[] alerted = afterLiveAnswers(
                33, call("+12135559001", CallResult.SD, 1, true), call("+12135559002", CallResult.ABANDONED, 1, true));
        fixture.givenAggregate(AGGREGATE)
                .published(alerted)
                .whenAggregate(AGGREGATE)
                .publishes(call("+12135559003", CallResult.ABANDONED, 1, true))
                .expectPublishedEvents();
        // Back within (3 drops of 104: 2.88 %), then past it again: a new alert.
        setUp();
        targets.subscriptions.put(TriggerEvent.COMPLIANCE_ALERT, List.of(9L));
        List<Object> recovered = new ArrayList<>(List.of(alerted));
        recovered.add(call("+12135559003", CallResult.ABANDONED, 1, true));
        for (int i = 0; i < 68; i++) {
            recovered.add(call("+1213556" + String.format("%04d", i), CallResult.LA, 1, true));
        }
        fixture.givenAggregate(AGGREGATE)
                .published(recovered.toArray())
                .whenAggregate(AGGREGATE)
                .publishes(call("+12135559004", CallResult.SD, 1, true))
                .expectPublishedEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        decided(
                                ComplianceAlertDecidedEvent.class,
                                d -> d.compliance().drops() == 4),
                        Matchers.andNoMore())));
    }

    /**
     * The projection: the rolling rate is within the limit, but the good day about to leave the window and today's
     * drops would take it past the limit tomorrow if tomorrow goes as today. The oldest day of the window
     * (2026-02-23): 200 live answers; today (2026-03-24): 60 live answers. With one drop today the projection is
     * 2 / 122 = 1.64 %: no alert. The second drop: rolling 2 / 262 = 0.76 %, projected (260 - 200 + 60) live answers
     * and 4 drops = 4 / 124 = 3.23 %: the alert, with both figures.
     */
    @Test
    void aDropThatTakesTheProjectedRatePastTheLimitRaisesTheAlertBeforeTheRollingRatePassesIt() {
        targets.subscriptions.put(TriggerEvent.COMPLIANCE_ALERT, List.of(9L));
        List<Object> given = new ArrayList<>();
        given.add(new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS));
        for (int i = 0; i < 200; i++) {
            given.add(
                    call("+1213557" + String.format("%04d", i), CallResult.LA, Instant.parse("2026-02-23T12:00:00Z")));
        }
        for (int i = 0; i < 60; i++) {
            given.add(call("+1213555" + String.format("%04d", i), CallResult.LA, 1, true));
        }
        fixture.givenAggregate(AGGREGATE)
                .published(given.toArray())
                .whenAggregate(AGGREGATE)
                .publishes(call("+12135559001", CallResult.SD, 1, true))
                .expectPublishedEvents();
        setUp();
        targets.subscriptions.put(TriggerEvent.COMPLIANCE_ALERT, List.of(9L));
        given.add(call("+12135559001", CallResult.SD, 1, true));
        fixture.givenAggregate(AGGREGATE)
                .published(given.toArray())
                .whenAggregate(AGGREGATE)
                .publishes(call("+12135559002", CallResult.ABANDONED, 1, true))
                .expectPublishedEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        decided(
                                ComplianceAlertDecidedEvent.class,
                                d -> d.compliance().liveAnswers() == 260
                                        && d.compliance().drops() == 2
                                        && d.compliance().dropRate().compareTo(new java.math.BigDecimal("0.0076")) == 0
                                        && d.compliance()
                                                        .projectedDropRate()
                                                        .compareTo(new java.math.BigDecimal("0.0323"))
                                                == 0
                                        && d.compliance().from().toString().equals("2026-02-23")),
                        Matchers.andNoMore())));
    }

    static CallResultRecordedEvent call(String number, CallResult result, Instant startTime) {
        return call(number, result, 1, true, startTime);
    }

    static CallResultRecordedEvent call(String number, CallResult result, int attempt, boolean last) {
        return call(number, result, attempt, last, Instant.parse("2026-03-24T15:58:18Z"));
    }

    static CallResultRecordedEvent call(
            String number, CallResult result, int attempt, boolean last, Instant startTime) {
        return new CallResultRecordedEvent(
                ID,
                "call-" + number + "-" + attempt,
                number,
                result,
                attempt,
                startTime,
                35,
                result == CallResult.LA ? 7L : null,
                last,
                null);
    }

    static <T> org.hamcrest.Matcher<Object> decided(Class<T> type, Predicate<T> check) {
        return Matchers.predicate(o -> type.isInstance(o) && check.test(type.cast(o)));
    }

    static class FakeTargets implements NotificationTargets {
        final Map<TriggerEvent, List<Long>> subscriptions = new HashMap<>();
        final Map<PostbackKind, List<Long>> postbacks = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public List<Long> subscriptions(String accountId, TriggerEvent trigger, long campaignId, Instant eventTime) {
            asked.add(trigger + "/" + accountId + "/" + campaignId);
            return subscriptions.getOrDefault(trigger, List.of());
        }

        @Override
        public List<Long> postbacks(String accountId, PostbackKind kind, long campaignId, Instant eventTime) {
            return postbacks.getOrDefault(kind, List.of());
        }
    }

    static class FakeNumbers implements CampaignNumbers {
        final Map<Long, Map<String, CallResult>> results = new HashMap<>();
        final Map<Long, Map<String, Map<String, String>>> extra = new HashMap<>();

        @Override
        public void added(long campaignId, List<ContactNumber> added) {
            added.forEach(n -> {
                results.computeIfAbsent(campaignId, k -> new HashMap<>()).putIfAbsent(n.number(), null);
                extra.computeIfAbsent(campaignId, k -> new HashMap<>()).put(n.number(), n.extraData());
            });
        }

        @Override
        public void resultRecorded(long campaignId, String number, CallResult result, int attempt) {
            results.computeIfAbsent(campaignId, k -> new HashMap<>()).put(number, result);
        }

        @Override
        public Map<String, String> extraData(long campaignId, String number) {
            return extra.getOrDefault(campaignId, Map.of()).getOrDefault(number, Map.of());
        }

        @Override
        public CampaignCounters stats(long campaignId) {
            Map<String, CallResult> r = results.getOrDefault(campaignId, Map.of());
            Map<ResultCategory, Long> c = new HashMap<>();
            r.values().stream().filter(v -> v != null).forEach(v -> c.merge(v.category(), 1L, Long::sum));
            long dialed = c.values().stream().mapToLong(Long::longValue).sum();
            return new CampaignCounters(
                    r.size(),
                    dialed,
                    c.getOrDefault(ResultCategory.LIVE, 0L),
                    c.getOrDefault(ResultCategory.MACHINE, 0L),
                    c.getOrDefault(ResultCategory.NOANSWER, 0L),
                    c.getOrDefault(ResultCategory.DNC, 0L),
                    c.getOrDefault(ResultCategory.BUSY, 0L),
                    c.getOrDefault(ResultCategory.TRANSFER, 0L),
                    c.getOrDefault(ResultCategory.ERROR, 0L),
                    c.getOrDefault(ResultCategory.MISC, 0L));
        }

        @Override
        public void forget(long campaignId) {
            results.remove(campaignId);
            extra.remove(campaignId);
        }
    }
}
