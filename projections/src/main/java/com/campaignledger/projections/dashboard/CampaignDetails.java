package com.campaignledger.projections.dashboard;

import com.campaignledger.projections.dispositions.DispositionCount;
import com.campaignledger.projections.history.HistoryEntry;
import java.time.Instant;
import java.util.List;

/**
 * What the dashboard shows of one campaign beside its figures: its agents by state, its calls per hour over the last
 * day and its audit trail's newest events; read at {@code readAt}, as they are since {@code changedAt}.
 */
public record CampaignDetails(
        long campaignId,
        List<AgentInState> agents,
        List<DispositionCount> callsPerHour,
        List<HistoryEntry> timeline,
        Instant readAt,
        Instant changedAt) {

    /** The same details, whenever they were read. */
    boolean sameAs(CampaignDetails other) {
        return other != null
                && campaignId == other.campaignId
                && agents.equals(other.agents)
                && callsPerHour.equals(other.callsPerHour)
                && timeline.equals(other.timeline);
    }

    CampaignDetails changedAt(Instant at) {
        return new CampaignDetails(campaignId, agents, callsPerHour, timeline, readAt, at);
    }
}
