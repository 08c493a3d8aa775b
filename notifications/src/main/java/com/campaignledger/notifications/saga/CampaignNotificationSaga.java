package com.campaignledger.notifications.saga;

import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.billing.CallUsage;
import com.campaignledger.notifications.api.AgentOutcome;
import com.campaignledger.notifications.api.BroadcastFacts;
import com.campaignledger.notifications.api.CallFacts;
import com.campaignledger.notifications.api.CallNotificationDecidedEvent;
import com.campaignledger.notifications.api.CampaignCounters;
import com.campaignledger.notifications.api.CampaignNotificationDecidedEvent;
import com.campaignledger.notifications.api.ComplianceAlertDecidedEvent;
import com.campaignledger.notifications.api.ComplianceFacts;
import com.campaignledger.notifications.api.PostbackKind;
import com.campaignledger.notifications.api.TriggerEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * One per campaign, from its creation to its end: follows what a notification shows of the campaign and
 * decides, for each campaign event worth notifying (started, stopped, finished, a call finished), who is
 * to be told. The decision is an event published in the saga's own transaction, together with its token
 * and its state; the outbox processor turns it into deliveries. Resources come as handler parameters, so
 * nothing but the campaign's facts is serialized with the saga.
 */
@Saga
@ProcessingGroup(CampaignNotificationSaga.PROCESSING_GROUP)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CampaignNotificationSaga {

    public static final String PROCESSING_GROUP = "campaign-notification-saga";
    /** Every campaign event names its campaign in this property; its value is the aggregate identifier. */
    static final String CAMPAIGN_ID = "campaignId";

    private BroadcastFacts campaign;
    /** Agents' responses of connected calls, until the call's result (recorded just after) takes them along. */
    private Map<String, AgentOutcome> agentOutcomes = new HashMap<>();
    /**
     * Every dial attempt's seconds, billed in the campaign-finished postback's cost. A saga stored before this was
     * kept reads as none, so it counts the calls recorded since.
     */
    private CallUsage usage = CallUsage.NONE;
    /**
     * The live answers and drops of the last 30 days, for the compliance alert. A saga stored before this was kept
     * reads as an empty window, so it counts the calls recorded since.
     */
    private DropWindow drops = new DropWindow();

    @StartSaga
    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(CampaignCreatedEvent event, @Timestamp Instant at) {
        campaign = BroadcastFacts.created(event.campaignId().value(), event.accountId(), event.settings(), at);
        // Agent events name their campaign by its plain number: associate that too.
        SagaLifecycle.associateWith(
                CAMPAIGN_ID, String.valueOf(event.campaignId().value()));
    }

    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(AgentResponseStoredEvent event) {
        agentOutcomes.put(
                event.callId(),
                new AgentOutcome(
                        String.valueOf(event.sessionId().value()),
                        event.agentResponse(),
                        event.agentNotes(),
                        event.at(),
                        event.storedData()));
    }

    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(CampaignUpdatedEvent event, @Timestamp Instant at) {
        campaign = campaign.withSettings(event.settings(), at);
    }

    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(NumbersAddedEvent event, CampaignNumbers numbers) {
        numbers.added(campaign.campaignId(), event.added());
    }

    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(
            CampaignStartedEvent event,
            @Timestamp Instant at,
            @MessageIdentifier String eventId,
            NotificationTargets targets,
            EventGateway events) {
        campaign = campaign.withStatus(CampaignStatus.RUNNING, at);
        decide(TriggerEvent.CAMPAIGN_STARTED, null, eventId, at, CampaignCounters.NONE, targets, events);
    }

    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(
            CampaignStoppedEvent event,
            @Timestamp Instant at,
            @MessageIdentifier String eventId,
            NotificationTargets targets,
            EventGateway events) {
        campaign = campaign.withStatus(CampaignStatus.STOPPED, at);
        decide(TriggerEvent.CAMPAIGN_STOPPED, null, eventId, at, CampaignCounters.NONE, targets, events);
    }

    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(
            CampaignFinishedEvent event,
            @Timestamp Instant at,
            @MessageIdentifier String eventId,
            NotificationTargets targets,
            CampaignNumbers numbers,
            EventGateway events) {
        campaign = campaign.withStatus(CampaignStatus.FINISHED, at);
        decide(
                TriggerEvent.CAMPAIGN_FINISHED,
                PostbackKind.CAMPAIGN_FINISH,
                eventId,
                at,
                numbers.stats(campaign.campaignId()),
                targets,
                events);
        numbers.forget(campaign.campaignId());
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(CampaignArchivedEvent event, CampaignNumbers numbers) {
        // ARCHIVED takes no more changes: nothing is left to notify.
        numbers.forget(campaign.campaignId());
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(CampaignDeletedEvent event, CampaignNumbers numbers) {
        numbers.forget(campaign.campaignId());
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = CAMPAIGN_ID)
    void on(
            CallResultRecordedEvent event,
            @Timestamp Instant at,
            @MessageIdentifier String eventId,
            NotificationTargets targets,
            CampaignNumbers numbers,
            EventGateway events) {
        long id = campaign.campaignId();
        numbers.resultRecorded(id, event.number(), event.result(), event.attempt());
        usage = usage.plusCall(event.durationSeconds());
        AgentOutcome agent = agentOutcomes.remove(event.callId());
        event.result().liveAnswer().ifPresent(answer -> {
            LocalDate day = LocalDate.ofInstant(event.startTime() != null ? event.startTime() : at, ZoneOffset.UTC);
            drops.count(day, answer).ifPresent(facts -> alert(facts, eventId, at, targets, events));
        });
        List<Long> subscriptions =
                targets.subscriptions(campaign.accountId(), TriggerEvent.OUTBOUND_CALL_FINISHED, id, at);
        List<Long> postbacks = targets.postbacks(campaign.accountId(), PostbackKind.CALL_FINISH, id, at);
        if (subscriptions.isEmpty() && postbacks.isEmpty()) {
            return;
        }
        // A connected call's result is recorded after its agent's response, so the response is here by now.
        CallFacts call = new CallFacts(
                event.callId(),
                event.number(),
                numbers.extraData(id, event.number()),
                campaign.config().fromNumber(),
                event.result(),
                event.attempt(),
                event.startTime(),
                event.durationSeconds(),
                event.agentSessionId(),
                event.finalForNumber(),
                at,
                agent);
        events.publish(new CallNotificationDecidedEvent(eventId, campaign, call, subscriptions, postbacks));
    }

    /** The drop rate passed the limit with this call: COMPLIANCE_ALERT to the account's subscriptions for it. */
    private void alert(
            ComplianceFacts facts, String eventId, Instant at, NotificationTargets targets, EventGateway events) {
        List<Long> subscriptions =
                targets.subscriptions(campaign.accountId(), TriggerEvent.COMPLIANCE_ALERT, campaign.campaignId(), at);
        if (!subscriptions.isEmpty()) {
            events.publish(new ComplianceAlertDecidedEvent(eventId, campaign, facts, subscriptions));
        }
    }

    private void decide(
            TriggerEvent trigger,
            PostbackKind postbackKind,
            String eventId,
            Instant at,
            CampaignCounters stats,
            NotificationTargets targets,
            EventGateway events) {
        long id = campaign.campaignId();
        List<Long> subscriptions = targets.subscriptions(campaign.accountId(), trigger, id, at);
        List<Long> postbacks =
                postbackKind == null ? List.of() : targets.postbacks(campaign.accountId(), postbackKind, id, at);
        if (!subscriptions.isEmpty() || !postbacks.isEmpty()) {
            events.publish(new CampaignNotificationDecidedEvent(
                    eventId, trigger, campaign, stats, subscriptions, postbacks, usage));
        }
    }
}
