package com.campaignledger.projections.dashboard;

import com.campaignledger.projections.agentsession.AgentSessionProjection;
import com.campaignledger.projections.agentsession.AgentSessionRepository;
import com.campaignledger.projections.campaign.CampaignSort;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.campaign.CampaignViewProjection;
import com.campaignledger.projections.campaign.CampaignViewRepository;
import com.campaignledger.projections.campaign.ListCampaignsQuery;
import com.campaignledger.projections.compliance.ComplianceProjection;
import com.campaignledger.projections.compliance.ComplianceQueries;
import com.campaignledger.projections.stats.CampaignStats;
import com.campaignledger.projections.stats.CampaignStatsProjection;
import com.campaignledger.projections.stats.CampaignStatsRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, read from the same read models and queries as the REST API's campaign list, stats and
 * drop rate; and, for the live push, whether an account's figures moved since they were last read.
 */
@Component
public class DashboardSnapshots {

    /** The dashboard shows an account's first campaigns, newest first. */
    static final int CAMPAIGNS_SHOWN = 100;

    /** The processors whose rows the figures are read from. */
    static final List<String> SOURCES = List.of(
            CampaignViewProjection.PROCESSING_GROUP,
            CampaignStatsProjection.PROCESSING_GROUP,
            ComplianceProjection.PROCESSING_GROUP,
            AgentSessionProjection.PROCESSING_GROUP);

    private final CampaignViewRepository campaigns;
    private final CampaignStatsRepository stats;
    private final ComplianceQueries compliance;
    private final AgentSessionRepository sessions;
    private final JdbcTemplate jdbc;
    private final Map<String, DashboardSnapshot> lastRead = new ConcurrentHashMap<>();

    DashboardSnapshots(
            CampaignViewRepository campaigns,
            CampaignStatsRepository stats,
            ComplianceQueries compliance,
            AgentSessionRepository sessions,
            JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.stats = stats;
        this.compliance = compliance;
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    /**
     * Where the read models stand, in one query: their processors' tokens, which move in the transaction of every row
     * they write, each as {@code processor/segment/type/token}. While the tokens of the processors a view is read from
     * stay the same, the view cannot have moved (but for a dead letter retried or a set-based replay, which write rows
     * behind their token: the feed reads again now and then whatever this says).
     */
    public List<String> sourcesMark() {
        return jdbc.query(
                "SELECT processor_name, segment, token_type, token FROM token_entry ORDER BY processor_name, segment",
                (rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "/"
                        + (rs.getBytes(4) == null ? "" : new String(rs.getBytes(4), StandardCharsets.UTF_8)));
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
