package com.campaignledger.projections.dispositions;

import com.campaignledger.agent.session.api.AgentCallbackSentEvent;
import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.kernel.MetadataKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Dispositions per hour per campaign: call results and agents' responses, counted in the hour (UTC) the ledger
 * recorded them. A report added after the history it covers: its processor has no token on first start, so it
 * reads the event store from the first event and the report covers the whole past. Each counted event is a row
 * keyed by its global position, so a redelivery changes nothing.
 */
@Component
@ProcessingGroup(DispositionsProjection.PROCESSING_GROUP)
public class DispositionsProjection {

    public static final String PROCESSING_GROUP = "dispositions-per-hour";

    private final DispositionsRepository repository;
    private final Map<Long, String> accounts = new ConcurrentHashMap<>();

    public DispositionsProjection(DispositionsRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(CampaignCreatedEvent event) {
        remember(event.campaignId().value(), event.accountId());
    }

    /** The session's own first event names the account: its responses find it even when their segment runs ahead. */
    @EventHandler
    void on(AgentCallbackSentEvent event) {
        remember(event.campaignId(), event.accountId());
    }

    @EventHandler
    void on(CallResultRecordedEvent event, DomainEventMessage<?> message, @Timestamp Instant at) {
        count(
                event.campaignId().value(),
                message,
                at,
                DispositionKind.CALL_RESULT,
                event.result().name());
    }

    @EventHandler
    void on(AgentResponseStoredEvent event, DomainEventMessage<?> message, @Timestamp Instant at) {
        if (event.agentResponse() != null && !event.agentResponse().isBlank()) {
            count(event.campaignId(), message, at, DispositionKind.AGENT_RESPONSE, event.agentResponse());
        }
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
        accounts.clear();
    }

    private void remember(long campaignId, String accountId) {
        repository.insertCampaign(campaignId, accountId);
        accounts.put(campaignId, accountId);
    }

    private void count(
            long campaignId, DomainEventMessage<?> message, Instant at, DispositionKind kind, String disposition) {
        Object fromMetaData = message.getMetaData().get(MetadataKeys.ACCOUNT_ID);
        String account = fromMetaData != null
                ? fromMetaData.toString()
                : accounts.computeIfAbsent(
                        campaignId,
                        id -> repository
                                .accountOf(id)
                                .orElseThrow(() -> new IllegalStateException("no account known for campaign " + id)));
        repository.insertEvent(
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                campaignId,
                account,
                at.truncatedTo(ChronoUnit.HOURS),
                kind,
                disposition);
    }
}
