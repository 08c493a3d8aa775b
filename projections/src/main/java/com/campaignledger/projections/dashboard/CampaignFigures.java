package com.campaignledger.projections.dashboard;

import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.projections.agentsession.AgentCounts;
import com.campaignledger.projections.stats.CampaignStats;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the dashboard shows of one campaign: its status, its live statistics, the rolling drop rate (null without a
 * live answer) and its agents now; {@code changedAt} is when these figures were first read as they are.
 */
public record CampaignFigures(
        long id,
        String name,
        CampaignStatus status,
        CampaignStats stats,
        BigDecimal dropRate,
        AgentCounts agents,
        Instant changedAt) {

    /** The same figures, whenever they were read. */
    boolean sameAs(CampaignFigures other) {
        return other != null
                && id == other.id
                && name.equals(other.name)
                && status == other.status
                && stats.equals(other.stats)
                && (dropRate == null
                        ? other.dropRate == null
                        : other.dropRate != null && dropRate.compareTo(other.dropRate) == 0)
                && agents.equals(other.agents);
    }

    CampaignFigures changedAt(Instant at) {
        return new CampaignFigures(id, name, status, stats, dropRate, agents, at);
    }
}
