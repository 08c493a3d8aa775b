package com.campaignledger.web.report;

import com.campaignledger.campaign.billing.BillingRule;
import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.projections.agentsession.AgentSessionRepository;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.compliance.ComplianceQueries;
import com.campaignledger.projections.stats.CampaignStats;
import com.campaignledger.projections.stats.CampaignStatsRepository;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.RequestContext;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GetCccCampaignStats and seed 001's campaign-finished summary, from the campaign-stats read model (numbers and
 * attempts) and the agent sessions' (agents now). The campaign is looked up first, so an unknown campaign, or one
 * of another account, is a 404 before anything else is read.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignStatsController {

    private final CampaignLookup campaigns;
    private final CampaignStatsRepository stats;
    private final AgentSessionRepository sessions;
    private final BillingRule billing;
    private final ComplianceQueries compliance;
    private final CallFlowClock clock;

    CampaignStatsController(
            CampaignLookup campaigns,
            CampaignStatsRepository stats,
            AgentSessionRepository sessions,
            BillingRule billing,
            ComplianceQueries compliance,
            CallFlowClock clock) {
        this.campaigns = campaigns;
        this.stats = stats;
        this.sessions = sessions;
        this.billing = billing;
        this.compliance = compliance;
        this.clock = clock;
    }

    @GetMapping(path = "/{id}/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    CampaignStatsResponse stats(@PathVariable long id, RequestContext context) {
        String account = context.accountId();
        campaigns.require(id, account);
        java.math.BigDecimal dropRate = compliance.rollingDropRate(
                id, account, java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        return CampaignStatsResponse.of(statsOf(id, account), dropRate, sessions.counts(id, account));
    }

    @GetMapping(
            path = "/{id}/summary",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE})
    CampaignFinishedDocument summary(@PathVariable long id, RequestContext context) {
        String account = context.accountId();
        CampaignView campaign = campaigns.require(id, account);
        CampaignStats s = statsOf(id, account);
        return new CampaignFinishedDocument(new CampaignFinishedDocument.Campaign(
                id,
                campaign.settings().name(),
                campaign.status().name().toLowerCase(Locale.ROOT),
                billing.formattedCost(s.usage()),
                new CampaignFinishedDocument.Stats(
                        s.total(),
                        s.dialed(),
                        s.live(),
                        s.machine(),
                        s.noanswer(),
                        s.dnc(),
                        s.busy(),
                        s.transfer(),
                        s.error(),
                        // Seed 001's document has no abandoned: drops count under misc there.
                        s.misc() + s.abandoned())));
    }

    /** The campaign's statistics; zero while the processor has not reached its creation yet. */
    private CampaignStats statsOf(long id, String account) {
        return stats.find(id, account).orElseGet(() -> CampaignStats.none(id));
    }
}
