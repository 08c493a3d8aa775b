package com.campaignledger.projections.compliance;

import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.LiveAnswer;
import com.campaignledger.kernel.MetadataKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The compliance record (SPEC 3.7): every dial attempt the abandonment rule counts (a live answer, connected or
 * dropped) or that broke a rule (DNC, calling window), on the UTC day the call started (the day it was recorded when
 * the dialer gave no start). Built from the events alone, one row per event keyed by its global position, so a
 * replay rebuilds it row for row and a redelivery writes nothing twice.
 */
@Component
@ProcessingGroup(ComplianceProjection.PROCESSING_GROUP)
public class ComplianceProjection {

    public static final String PROCESSING_GROUP = "compliance";

    private final ComplianceRepository repository;
    private final Map<Long, String> accounts = new ConcurrentHashMap<>();

    public ComplianceProjection(ComplianceRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(CampaignCreatedEvent event) {
        repository.insertCampaign(event.campaignId().value(), event.accountId());
        accounts.put(event.campaignId().value(), event.accountId());
    }

    @EventHandler
    void on(CallResultRecordedEvent event, DomainEventMessage<?> message, @Timestamp Instant recordedAt) {
        LiveAnswer answer = event.result().liveAnswer().orElse(null);
        if (answer == null && event.violation() == null) {
            return;
        }
        long campaignId = event.campaignId().value();
        Instant started = event.startTime() != null ? event.startTime() : recordedAt;
        repository.insertCall(
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                campaignId,
                accountOf(campaignId, message),
                LocalDate.ofInstant(started, ZoneOffset.UTC),
                answer,
                event.violation());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
        accounts.clear();
    }

    private String accountOf(long campaignId, DomainEventMessage<?> message) {
        Object fromMetaData = message.getMetaData().get(MetadataKeys.ACCOUNT_ID);
        if (fromMetaData != null) {
            return fromMetaData.toString();
        }
        return accounts.computeIfAbsent(
                campaignId,
                id -> repository
                        .accountOf(id)
                        .orElseThrow(() -> new IllegalStateException("no account known for campaign " + id)));
    }
}
