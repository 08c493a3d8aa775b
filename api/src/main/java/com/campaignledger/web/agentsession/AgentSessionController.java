package com.campaignledger.web.agentsession;

import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.agentsession.AgentSessionPage;
import com.campaignledger.projections.agentsession.AgentSessionQuery;
import com.campaignledger.projections.agentsession.AgentSessionRepository;
import com.campaignledger.projections.agentsession.AgentSessionStatistics;
import com.campaignledger.projections.agentsession.AgentSessionView;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CsvExport;
import com.campaignledger.web.CsvTable;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.agentsession.AgentSessionResponses.OneSession;
import com.campaignledger.web.agentsession.AgentSessionResponses.SessionList;
import com.campaignledger.web.agentsession.AgentSessionResponses.SessionPage;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 003's Agent Session Statistics (one row per agent session) and CccService's GetAgentSession /
 * QueryAgentSessions, from the agent-sessions read model; JSON, or {@code text/csv} with the seed's column names.
 * Every query is limited to the caller's account.
 */
@RestController
class AgentSessionController {

    private static final String CSV_DESCRIPTION =
            "`text/csv` has seed 003's column names as its header: ID, Campaign ID, "
                    + "Phone Number, User ID, Logged In, Logged Out, Calls, Duration, Calls (Sec), Avg Call (Sec), Resp. Time, %Response";

    private final CampaignLookup campaigns;
    private final AgentSessionRepository sessions;
    private final CallFlowClock clock;
    private final int maxPageSize;

    AgentSessionController(
            CampaignLookup campaigns,
            AgentSessionRepository sessions,
            CallFlowClock clock,
            @Value("${ledger.max-page-size}") int maxPageSize) {
        this.campaigns = campaigns;
        this.sessions = sessions;
        this.clock = clock;
        this.maxPageSize = maxPageSize;
    }

    @GetMapping(
            path = "/api/campaigns/{id}/agent-sessions",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    AgentSessionTable ofCampaign(@PathVariable long id, RequestContext context) {
        String account = context.accountId();
        campaigns.require(id, account);
        return new SessionList(
                sessions.ofCampaign(id, account).stream()
                        .map(v -> AgentSessionStatistics.of(v, clock))
                        .toList(),
                "campaign-" + id + "-agent-sessions.csv");
    }

    @GetMapping(
            path = "/api/agent-sessions",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    Object query(
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) String userId,
            @Parameter(
                            description = "sessions of this registry agent (`GET /api/agents`): those opened "
                                    + "under its current userId, compared without case; an unknown agent, or another "
                                    + "account's, has none")
                    @RequestParam(required = false)
                    Long agentId,
            @Parameter(description = "sessions still open at or after this instant (ISO-8601)")
                    @RequestParam(required = false)
                    Instant from,
            @Parameter(description = "sessions called back before this instant (ISO-8601)")
                    @RequestParam(required = false)
                    Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            RequestContext context,
            HttpServletRequest request) {
        QueryParameters.checkPage(page, size, maxPageSize);
        QueryParameters.checkInterval(from, to);
        String account = context.accountId();
        String user = userId == null || userId.isBlank() ? null : userId;
        if (CsvExport.requested(request)) {
            AgentSessionQuery all =
                    new AgentSessionQuery(account, campaignId, user, agentId, from, to, 0, CsvExport.BATCH);
            return new CsvExport<>(
                    AgentSessionTable.Row.class,
                    () -> CsvExport.<AgentSessionView>batches(
                                    last -> sessions.after(all, last == null ? 0 : last.sessionId()))
                            .map(v -> AgentSessionTable.Row.of(AgentSessionStatistics.of(v, clock))),
                    "agent-sessions.csv");
        }
        AgentSessionPage found =
                sessions.query(new AgentSessionQuery(account, campaignId, user, agentId, from, to, page, size));
        return new SessionPage(
                found.content().stream()
                        .map(v -> AgentSessionStatistics.of(v, clock))
                        .toList(),
                found.page(),
                found.size(),
                found.totalElements(),
                found.totalPages());
    }

    @GetMapping(
            path = "/api/agent-sessions/{id}",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTable.TEXT_CSV})
    AgentSessionTable one(@PathVariable long id, RequestContext context) {
        return sessions.find(id, context.accountId())
                .map(v -> new OneSession(AgentSessionStatistics.of(v, clock)))
                .orElseThrow(() -> new ResourceNotFoundException("No agent session " + id));
    }
}
