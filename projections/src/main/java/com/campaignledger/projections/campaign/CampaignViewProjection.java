package com.campaignledger.projections.campaign;

import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.DialRatioUpdatedEvent;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.QuestionsDeletedEvent;
import com.campaignledger.campaign.api.TransferNumbersDeletedEvent;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps campaign_view in step with the campaign events and answers the campaign queries from it.
 * Handlers are idempotent: an event at or below the stored sequence number is skipped, so a redelivery
 * changes nothing, and a replay starts from the empty tables the reset handler leaves.
 */
@Component
@ProcessingGroup(CampaignViewProjection.PROCESSING_GROUP)
public class CampaignViewProjection {

    public static final String PROCESSING_GROUP = "campaign-view";

    private final CampaignViewRepository repository;

    public CampaignViewProjection(CampaignViewRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(CampaignCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (repository.findStored(event.campaignId().value()).isEmpty()) {
            repository.insert(CampaignViewFold.apply(null, event, at), sequence);
        }
    }

    @EventHandler
    void on(CampaignUpdatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    @EventHandler
    void on(CampaignStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    @EventHandler
    void on(CampaignStoppedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    @EventHandler
    void on(CampaignArchivedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    @EventHandler
    void on(CampaignFinishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    @EventHandler
    void on(CampaignDeletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    @EventHandler
    void on(TransferNumbersDeletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    @EventHandler
    void on(QuestionsDeletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    @EventHandler
    void on(DialRatioUpdatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    @EventHandler
    void on(NumbersAddedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.campaignId().value(), event, sequence, at);
    }

    private void apply(long campaignId, Object event, long sequence, Instant at) {
        CampaignViewRepository.Stored stored = repository
                .findStored(campaignId)
                .orElseThrow(() -> new IllegalStateException("campaign " + campaignId + " has no view to update"));
        if (stored.lastSequence() >= sequence) {
            return;
        }
        repository.update(stored.view(), CampaignViewFold.apply(stored.view(), event, at), sequence);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    @QueryHandler
    Optional<CampaignView> handle(FindCampaignQuery query) {
        return repository.find(query.campaignId()).filter(v -> v.accountId().equals(query.accountId()));
    }

    @QueryHandler
    CampaignPage handle(ListCampaignsQuery query) {
        return repository.list(query);
    }
}
