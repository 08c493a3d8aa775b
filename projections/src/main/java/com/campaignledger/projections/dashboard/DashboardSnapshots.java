package com.campaignledger.projections.dashboard;

import com.campaignledger.projections.agentsession.AgentSessionRepository;
import com.campaignledger.projections.campaign.CampaignSort;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.campaign.CampaignViewRepository;
import com.campaignledger.projections.campaign.ListCampaignsQuery;
import com.campaignledger.projections.compliance.ComplianceQueries;
import com.campaignledger.projections.stats.CampaignStats;
import com.campaignledger.projections.stats.CampaignStatsRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, read from the same read models and queries as the REST API's campaign list, stats and
 * drop rate; and, for the live push, whether an account's figures moved since they were last read.
 */
@Component
public class DashboardSnapshots {

    /** The dashboard shows an account's first campaigns, newest first. */
    static final int CAMPAIGNS_SHOWN = 100;

    private final CampaignViewRepository campaigns;
    private final CampaignStatsRepository stats;
    private final ComplianceQueries compliance;
    private final AgentSessionRepository sessions;
    private final Map<String, DashboardSnapshot> lastRead = new ConcurrentHashMap<>();

    DashboardSnapshots(
            CampaignViewRepository campaigns,
            CampaignStatsRepository stats,
            ComplianceQueries compliance,
            AgentSessionRepository sessions) {
        this.campaigns = campaigns;
        this.stats = stats;
        this.compliance = compliance;
        this.sessions = sessions;
    }

    /** The account's campaigns with their figures now. */
    public DashboardSnapshot read(String accountId, LocalDate today, Instant now) {
        List<CampaignView> views = campaigns
                .list(new ListCampaignsQuery(accountId, null, null, null, 0, CAMPAIGNS_SHOWN, CampaignSort.id, true))
                .content();
        return new DashboardSnapshot(
                now,
                views.stream()
                        .filter(view -> !view.deleted())
                        .map(view -> figures(view, accountId, today, now))
                        .toList());
    }

    /**
     * The account's figures now when they differ from those this method read last for it (each campaign keeping the
     * time its own figures last changed); empty when nothing moved.
     */
    public Optional<DashboardSnapshot> changed(String accountId, LocalDate today, Instant now) {
        DashboardSnapshot previous = lastRead.get(accountId);
        DashboardSnapshot current = read(accountId, today, now);
        Map<Long, CampaignFigures> before = new HashMap<>();
        if (previous != null) {
            previous.campaigns().forEach(figures -> before.put(figures.id(), figures));
        }
        List<CampaignFigures> stamped = current.campaigns().stream()
                .map(figures -> figures.sameAs(before.get(figures.id()))
                        ? figures.changedAt(before.get(figures.id()).changedAt())
                        : figures)
                .toList();
        DashboardSnapshot snapshot = new DashboardSnapshot(now, stamped);
        lastRead.put(accountId, snapshot);
        boolean moved = previous == null
                || previous.campaigns().size() != stamped.size()
                || stamped.stream().anyMatch(figures -> figures.changedAt().equals(now));
        return moved ? Optional.of(snapshot) : Optional.empty();
    }

    /** The figures last read for the account, if any: what a new subscriber is sent first. */
    public Optional<DashboardSnapshot> last(String accountId) {
        return Optional.ofNullable(lastRead.get(accountId));
    }

    /** No one watches the account any more. */
    public void forget(String accountId) {
        lastRead.remove(accountId);
    }

    private CampaignFigures figures(CampaignView view, String accountId, LocalDate today, Instant now) {
        long id = view.id();
        return new CampaignFigures(
                id,
                view.settings().name(),
                view.status(),
                stats.find(id, accountId).orElseGet(() -> CampaignStats.none(id)),
                compliance.rollingDropRate(id, accountId, today),
                sessions.counts(id, accountId),
                now);
    }
}
