package com.campaignledger.projections.campaign;

import com.campaignledger.campaign.api.CampaignId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * "What did this campaign look like at 14:03 last Tuesday": its events up to that instant, read from the
 * event store from the very first one (never from a snapshot or a read model) and folded like the live view.
 */
@Component
public class CampaignAsOfReader {

    private final EventStore eventStore;

    public CampaignAsOfReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    CampaignAsOf handle(FindCampaignAsOfQuery query) {
        DomainEventStream events =
                eventStore.readEvents(CampaignId.of(query.campaignId()).toString(), 0);
        if (!events.hasNext()) {
            return CampaignAsOf.UNKNOWN;
        }
        DomainEventMessage<?> first = events.peek();
        CampaignView view = null;
        while (events.hasNext() && !events.peek().getTimestamp().isAfter(query.asOf())) {
            DomainEventMessage<?> event = events.next();
            view = CampaignViewFold.apply(view, event.getPayload(), event.getTimestamp());
        }
        CampaignView created = CampaignViewFold.apply(null, first.getPayload(), first.getTimestamp());
        if (created == null || !created.accountId().equals(query.accountId())) {
            return CampaignAsOf.UNKNOWN;
        }
        return new CampaignAsOf(true, first.getTimestamp(), view);
    }
}
