package com.campaignledger.projections.dashboard;

import com.campaignledger.projections.agentsession.AgentSessionProjection;
import com.campaignledger.projections.dispositions.DispositionsProjection;
import com.campaignledger.projections.dispositions.DispositionsRepository;
import com.campaignledger.projections.history.CampaignHistoryProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A campaign's details as the dashboard shows them (agents by state, calls per hour, the audit trail), read from the
 * same read models as their REST reports; and, for the live push, whether they moved since they were last read.
 */
@Component
public class DashboardDetails {

    /** The audit trail's newest events the timeline shows. */
    public static final int TIMELINE_EVENTS = 50;

    /** The processors whose rows the details are read from. */
    static final List<String> SOURCES = List.of(
            AgentSessionProjection.PROCESSING_GROUP,
            CampaignHistoryProjection.PROCESSING_GROUP,
            DispositionsProjection.PROCESSING_GROUP);

    private record Key(String accountId, long campaignId) {}

    private final AgentsInState agents;
    private final DispositionsRepository dispositions;
    private final CampaignTimeline timeline;
    private final Map<Key, CampaignDetails> lastRead = new ConcurrentHashMap<>();

    DashboardDetails(AgentsInState agents, DispositionsRepository dispositions, CampaignTimeline timeline) {
        this.agents = agents;
        this.dispositions = dispositions;
        this.timeline = timeline;
    }

    /** The campaign's details now; {@code now} is also when the last 24 hours of calls end. */
    public CampaignDetails read(String accountId, long campaignId, Instant now) {
        return new CampaignDetails(
                campaignId,
                agents.of(campaignId, accountId),
                dispositions.countsPerHour(campaignId, accountId, now.minus(Duration.ofHours(24)), null),
                timeline.newest(campaignId, accountId, TIMELINE_EVENTS),
                now,
                now);
    }

    /** The campaign's details now when they differ from those this method read last for it; empty when they did not move. */
    public Optional<CampaignDetails> changed(String accountId, long campaignId, Instant now) {
        Key key = new Key(accountId, campaignId);
        CampaignDetails previous = lastRead.get(key);
        CampaignDetails current = read(accountId, campaignId, now);
        if (current.sameAs(previous)) {
            lastRead.put(key, current.changedAt(previous.changedAt()));
            return Optional.empty();
        }
        lastRead.put(key, current);
        return Optional.of(current);
    }

    /** The details last read of the campaign, if any: what a new subscriber is sent first. */
    public Optional<CampaignDetails> last(String accountId, long campaignId) {
        return Optional.ofNullable(lastRead.get(new Key(accountId, campaignId)));
    }

    /** No one watches the campaign's details any more. */
    public void forget(String accountId, long campaignId) {
        lastRead.remove(new Key(accountId, campaignId));
    }
}
