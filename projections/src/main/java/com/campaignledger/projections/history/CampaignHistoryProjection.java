package com.campaignledger.projections.history;

import com.campaignledger.kernel.MetadataKeys;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Indexes every event of a campaign and of its agent sessions in campaign_history, so the audit trail of one
 * campaign is filtered and paged by SQL while the payloads stay in the event store. A redelivered event
 * conflicts on its global index and changes nothing; a replay starts from the table the reset handler empties.
 */
@Component
@ProcessingGroup(CampaignHistoryProjection.PROCESSING_GROUP)
public class CampaignHistoryProjection {

    public static final String PROCESSING_GROUP = "campaign-history";

    /** Event metadata keys, as the API writes them (AxonConfig). */
    static final String ACTOR = "actor";

    private static final String CAMPAIGN_PREFIX = "campaign-";
    private static final String AGENT_SESSION_PREFIX = "agent-session-";

    /** Sessions remembered before the map is cleared; a forgotten one costs one payload read. */
    private static final int MAX_REMEMBERED_SESSIONS = 100_000;

    private final CampaignHistoryRepository repository;
    /** A campaign's account never changes: remembered for events written without request metadata (the dialer's). */
    private final Map<Long, String> accounts = new ConcurrentHashMap<>();
    /** An agent session's campaign never changes: remembered so its later events need no payload read. */
    private final Map<String, Long> sessionCampaigns = new ConcurrentHashMap<>();

    private final Map<String, Optional<Method>> accessors = new ConcurrentHashMap<>();

    public CampaignHistoryProjection(CampaignHistoryRepository repository) {
        this.repository = repository;
    }

    /**
     * Every event: the handler takes the message, not the payload, so a payload is deserialized only when its
     * campaign or account is not known otherwise (the first event of a session, events without request metadata
     * of a campaign not seen yet). Deserializing every payload was a third of a replay's CPU.
     */
    @EventHandler
    void on(DomainEventMessage<?> event) {
        String aggregate = event.getAggregateIdentifier();
        Long campaignId = aggregate.startsWith(CAMPAIGN_PREFIX)
                ? Long.valueOf(aggregate.substring(CAMPAIGN_PREFIX.length()))
                : aggregate.startsWith(AGENT_SESSION_PREFIX) ? sessionCampaign(aggregate, event) : null;
        if (campaignId == null) {
            return;
        }
        String account = accountOf(campaignId, event);
        Object actor = event.getMetaData().get(ACTOR);
        repository.insert(
                campaignId,
                account,
                aggregate,
                event.getSequenceNumber(),
                EventTypes.nameOf(event.getPayloadType()),
                actor == null ? null : actor.toString(),
                event.getTimestamp());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
        accounts.clear();
        sessionCampaigns.clear();
    }

    private Long sessionCampaign(String aggregate, DomainEventMessage<?> event) {
        Long known = sessionCampaigns.get(aggregate);
        if (known != null) {
            return known;
        }
        Long campaignId = campaignIdOf(event.getPayload());
        if (campaignId != null) {
            if (sessionCampaigns.size() >= MAX_REMEMBERED_SESSIONS) {
                sessionCampaigns.clear();
            }
            sessionCampaigns.put(aggregate, campaignId);
        }
        return campaignId;
    }

    private String accountOf(long campaignId, DomainEventMessage<?> event) {
        Object fromMetaData = event.getMetaData().get(MetadataKeys.ACCOUNT_ID);
        String account = fromMetaData != null ? fromMetaData.toString() : accounts.get(campaignId);
        if (account == null) {
            account = accountInPayload(event.getPayload());
        }
        if (account == null) {
            // The campaign's creation (same aggregate) or the session's callback (same aggregate, carries the
            // account) was indexed before this event, in this segment's order.
            account = repository
                    .accountOf(campaignId)
                    .orElseThrow(() -> new IllegalStateException(
                            "no account known for campaign " + campaignId + " at event " + event.getIdentifier()));
        }
        accounts.putIfAbsent(campaignId, account);
        return account;
    }

    /** The events that open a campaign or an agent session name their account. */
    private String accountInPayload(Object payload) {
        Object account = component(payload, "accountId");
        return account == null ? null : account.toString();
    }

    /** Every agent-session event names its campaign in a {@code campaignId} component. */
    private Long campaignIdOf(Object payload) {
        return component(payload, "campaignId") instanceof Number n ? n.longValue() : null;
    }

    /** The value of a record component (or other public accessor) of the payload, null when it has none. */
    private Object component(Object payload, String name) {
        Optional<Method> accessor = accessors.computeIfAbsent(payload.getClass().getName() + "#" + name, key -> {
            try {
                return Optional.of(payload.getClass().getMethod(name));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            return accessor.get().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot read " + name + " of " + payload.getClass().getName(), e);
        }
    }
}
