package com.campaignledger.projections.stats;

import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.NumbersScrubbedEvent;
import com.campaignledger.campaign.api.ResultCategory;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps campaign_stats from the campaign events: numbers added make the total; each recorded dial attempt counts
 * once in {@code attempts} and moves its number to the counter of its latest result. A campaign's events reach
 * one segment in order, so the campaign's last applied sequence number guards every write: a redelivered event
 * changes nothing, and a replay starts from the empty tables the reset handler leaves.
 */
@Component
@ProcessingGroup(CampaignStatsProjection.PROCESSING_GROUP)
public class CampaignStatsProjection {

    public static final String PROCESSING_GROUP = "campaign-stats";

    private final CampaignStatsRepository repository;

    public CampaignStatsProjection(CampaignStatsRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(CampaignCreatedEvent event, @SequenceNumber long sequence) {
        repository.created(event.campaignId().value(), event.accountId(), sequence);
    }

    @EventHandler
    void on(NumbersAddedEvent event, @SequenceNumber long sequence) {
        repository.numbersAdded(event.campaignId().value(), event.added().size(), sequence);
    }

    @EventHandler
    void on(NumbersScrubbedEvent event, @SequenceNumber long sequence) {
        repository.numbersScrubbed(event.campaignId().value(), event.numbers().size(), sequence);
    }

    @EventHandler
    void on(CallResultRecordedEvent event, @SequenceNumber long sequence) {
        long campaignId = event.campaignId().value();
        ResultCategory now = event.result().category();
        Optional<ResultCategory> before = repository.category(campaignId, event.number());
        if (repository.attemptCounted(
                campaignId, before.orElse(null), now, event.durationSeconds(), event.violation() != null, sequence)) {
            repository.numberDialed(campaignId, event.number(), now, event.attempt(), before.isPresent());
        }
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
