package com.campaignledger.web.dashboard;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.StartCampaignCommand;
import com.campaignledger.campaign.api.StopCampaignCommand;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.projections.campaign.CampaignAsOf;
import com.campaignledger.projections.campaign.FindCampaignAsOfQuery;
import com.campaignledger.projections.dashboard.AgentInState;
import com.campaignledger.projections.dashboard.AgentsInState;
import com.campaignledger.projections.dashboard.CampaignTimeline;
import com.campaignledger.projections.dashboard.DashboardDetails;
import com.campaignledger.projections.dashboard.DashboardFeed;
import com.campaignledger.projections.dispositions.DispositionCount;
import com.campaignledger.projections.dispositions.DispositionsRepository;
import com.campaignledger.projections.history.HistoryEntry;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.FilterProblems;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's data for a signed-in session, through the same read models, queries and commands as the REST
 * API, for the session's account only.
 */
@Hidden
@RestController
@RequestMapping("/dashboard")
class DashboardController {

    /** The longest name a page may give itself. */
    private static final int PAGE_ID_LENGTH = 64;

    enum Control {
        START,
        STOP
    }

    record ControlRequest(Control command) {}

    private final DashboardPush push;
    private final FilterProblems problems;
    private final CommandExecutor executor;
    private final CampaignLookup campaigns;
    private final AgentsInState agents;
    private final DispositionsRepository dispositions;
    private final CampaignTimeline timeline;
    private final QueryGateway queries;

    DashboardController(
            DashboardPush push,
            FilterProblems problems,
            CommandExecutor executor,
            CampaignLookup campaigns,
            AgentsInState agents,
            DispositionsRepository dispositions,
            CampaignTimeline timeline,
            QueryGateway queries) {
        this.push = push;
        this.problems = problems;
        this.executor = executor;
        this.campaigns = campaigns;
        this.agents = agents;
        this.dispositions = dispositions;
        this.timeline = timeline;
        this.queries = queries;
    }

    /**
     * The account's figures as server-sent events; with {@code campaign}, that campaign's details too, and for ADMIN
     * the operations view. {@code page} names the open page: its stream replaces the page's stream before (a page that
     * opens another campaign's details). A 429 beyond the session's share of pages.
     */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) Long campaign,
            HttpServletRequest request,
            HttpServletResponse response,
            RequestContext context)
            throws IOException {
        if (page != null && (page.isEmpty() || page.length() > PAGE_ID_LENGTH)) {
            throw new RequestValidationException("page", "must be 1 to " + PAGE_ID_LENGTH + " characters");
        }
        if (campaign != null) {
            campaigns.requireEvenDeleted(campaign, context.accountId());
        }
        DashboardFeed.Watching what =
                new DashboardFeed.Watching(context.accountId(), campaign, request.isUserInRole("ADMIN"));
        Optional<SseEmitter> stream = push.open(
                request.getSession().getId(), page == null ? UUID.randomUUID().toString() : page, what);
        if (stream.isEmpty()) {
            problems.tooManyRequests(
                    request,
                    response,
                    ProblemType.TOO_MANY_WAITS,
                    "This session has " + DashboardPush.STREAMS_PER_SESSION
                            + " live streams open already: close a dashboard tab",
                    Duration.ofSeconds(10));
            return null;
        }
        return stream.get();
    }

    /** START or STOP, the same commands as POST /api/campaigns/{id}/control. */
    @PostMapping("/campaigns/{id}/control")
    Map<String, Long> control(@PathVariable long id, @RequestBody ControlRequest body, RequestContext context) {
        if (body == null || body.command() == null) {
            throw new RequestValidationException("command", "must be START or STOP");
        }
        campaigns.require(id, context.accountId());
        CampaignId campaign = CampaignId.of(id);
        Object command = body.command() == Control.START
                ? new StartCampaignCommand(campaign, null)
                : new StopCampaignCommand(campaign, null);
        long version = executor.<Long>send(context, command);
        return Map.of("id", id, "version", version);
    }

    @GetMapping("/campaigns/{id}/agents")
    List<AgentInState> agents(@PathVariable long id, RequestContext context) {
        campaigns.require(id, context.accountId());
        return agents.of(id, context.accountId());
    }

    /** The dispositions-per-hour report of the last day. */
    @GetMapping("/campaigns/{id}/calls-per-hour")
    List<DispositionCount> callsPerHour(@PathVariable long id, RequestContext context) {
        campaigns.require(id, context.accountId());
        Instant dayAgo = Instant.now().minus(Duration.ofHours(24));
        return dispositions.countsPerHour(id, context.accountId(), dayAgo, null);
    }

    /** The audit trail's newest events, oldest first. */
    @GetMapping("/campaigns/{id}/history")
    List<HistoryEntry> history(@PathVariable long id, RequestContext context) {
        String account = context.accountId();
        campaigns.requireEvenDeleted(id, account);
        return timeline.newest(id, account, DashboardDetails.TIMELINE_EVENTS);
    }

    /** The campaign as it was at {@code at}, rebuilt from its events (GET /api/campaigns/{id}?asOf=). */
    @GetMapping("/campaigns/{id}/as-of")
    Object asOf(@PathVariable long id, @RequestParam Instant at, RequestContext context) {
        CampaignAsOf past = queries.query(new FindCampaignAsOfQuery(id, context.accountId(), at), CampaignAsOf.class)
                .join();
        if (!past.exists()) {
            throw new ResourceNotFoundException("No campaign " + id);
        }
        if (past.view() == null) {
            throw new ResourceNotFoundException(
                    "Campaign " + id + " did not exist yet at " + at + "; it was created at " + past.created());
        }
        return past.view();
    }
}
