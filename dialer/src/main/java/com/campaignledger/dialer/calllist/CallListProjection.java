package com.campaignledger.dialer.calllist;

import com.campaignledger.agent.session.api.AgentCallConnectedEvent;
import com.campaignledger.agent.session.api.AgentCallEndedEvent;
import com.campaignledger.agent.session.api.AgentLoggedInEvent;
import com.campaignledger.agent.session.api.AgentLoggedOutEvent;
import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.DialRatioUpdatedEvent;
import com.campaignledger.campaign.api.DispositionList;
import com.campaignledger.campaign.api.NumberRemovedEvent;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.NumbersScrubbedEvent;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * The dialer's call list, kept from the campaign and agent events. Every write is idempotent (inserts
 * ignore what exists, attempts only move forward), so a redelivered event changes nothing.
 */
@Component
// The dialer works from its tables while campaigns run: a half-rebuilt call list would dial numbers again and
// drop agents' call results; it is rebuilt with the service stopped (docs/operations.md).
@DisallowReplay
@ProcessingGroup(CallListProjection.PROCESSING_GROUP)
public class CallListProjection {

    public static final String PROCESSING_GROUP = "dialer-call-list";

    private final CallListRepository repository;

    public CallListProjection(CallListRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(CampaignCreatedEvent event) {
        CampaignSettings s = event.settings();
        repository.insertCampaign(
                event.campaignId().value(),
                event.accountId(),
                s.localRestrictBegin(),
                s.localRestrictEnd(),
                dispositions(s));
        if (s.pacing() != com.campaignledger.campaign.api.Pacing.FIXED) {
            repository.updatePacing(event.campaignId().value(), s);
        }
    }

    @EventHandler
    void on(CampaignUpdatedEvent event) {
        CampaignSettings s = event.settings();
        repository.updateWindow(
                event.campaignId().value(), s.localRestrictBegin(), s.localRestrictEnd(), dispositions(s));
        repository.updatePacing(event.campaignId().value(), s);
    }

    @EventHandler
    void on(DialRatioUpdatedEvent event) {
        repository.updateRatio(event.campaignId().value(), event.newRatio());
    }

    @EventHandler
    void on(CampaignStartedEvent event) {
        repository.updateStatus(event.campaignId().value(), CampaignStatus.RUNNING);
    }

    @EventHandler
    void on(CampaignStoppedEvent event) {
        repository.updateStatus(event.campaignId().value(), CampaignStatus.STOPPED);
    }

    @EventHandler
    void on(CampaignFinishedEvent event) {
        repository.updateStatus(event.campaignId().value(), CampaignStatus.FINISHED);
    }

    @EventHandler
    void on(CampaignArchivedEvent event) {
        repository.updateStatus(event.campaignId().value(), CampaignStatus.ARCHIVED);
    }

    @EventHandler
    void on(CampaignDeletedEvent event) {
        repository.updateStatus(event.campaignId().value(), CampaignStatus.ARCHIVED);
    }

    @EventHandler
    void on(NumbersAddedEvent event) {
        repository.insertNumbers(event.campaignId().value(), event.added());
    }

    @EventHandler
    void on(NumberRemovedEvent event) {
        repository.remove(event.campaignId().value(), event.number());
    }

    @EventHandler
    void on(NumbersScrubbedEvent event) {
        repository.scrub(event.campaignId().value(), event.numbers());
    }

    @EventHandler
    void on(CallResultRecordedEvent event) {
        repository.recordAttempt(
                event.campaignId().value(),
                event.number(),
                event.attempt(),
                event.finalForNumber(),
                event.retryAt(),
                event.result().name());
    }

    @EventHandler
    void on(AgentLoggedInEvent event) {
        repository.upsertAgent(event.sessionId().value(), event.campaignId(), AgentState.READY, null, event.at());
    }

    @EventHandler
    void on(AgentCallConnectedEvent event) {
        repository.upsertAgent(
                event.sessionId().value(), event.campaignId(), AgentState.ON_CALL, event.callId(), event.at());
    }

    @EventHandler
    void on(AgentCallEndedEvent event) {
        repository.upsertAgent(
                event.sessionId().value(), event.campaignId(), AgentState.WRAP_UP, event.callId(), event.at());
    }

    @EventHandler
    void on(AgentResponseStoredEvent event) {
        // Back in the queue; if the response also ends the session, the logout event that follows removes it.
        // The row keeps the call just finished: the dialer's reservation of this agent for that call ends when it
        // sees it, even when the connection and the response both happened between two of its reads.
        repository.upsertAgent(
                event.sessionId().value(), event.campaignId(), AgentState.READY, event.callId(), event.at());
    }

    @EventHandler
    void on(AgentLoggedOutEvent event) {
        repository.removeAgent(event.sessionId().value());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private static List<String> dispositions(CampaignSettings settings) {
        return settings.dispositionLists().stream()
                .map(DispositionList::dispositions)
                .flatMap(List::stream)
                .distinct()
                .toList();
    }
}
