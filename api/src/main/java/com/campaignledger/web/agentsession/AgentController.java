package com.campaignledger.web.agentsession;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.agent.session.api.ConnectCallCommand;
import com.campaignledger.agent.session.api.EndCallCommand;
import com.campaignledger.agent.session.api.LogoutAgentCommand;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.dialer.CallIds;
import com.campaignledger.dialer.calllist.CallListProjection;
import com.campaignledger.dialer.calllist.CallListRepository;
import com.campaignledger.dialer.calllist.DueNumber;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.PhoneNumbers;
import com.campaignledger.kernel.UserIds;
import com.campaignledger.operations.processors.ProcessorCatchUp;
import com.campaignledger.projections.agentsession.AgentSessionStatistics;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Seed 003's Call Center Connect agent operations: the two-step login (callback, then login with the
 * agent id recited), the connection long-poll, responses, kick and logout, and getAgentStats.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/agents")
class AgentController {

    static final int MAX_WAIT_SECONDS = 60;

    private final AgentLoop loop;
    private final CommandExecutor executor;
    private final CampaignLookup campaigns;
    private final CallFlowClock clock;
    private final CallListRepository callList;
    private final ProcessorCatchUp catchUp;
    private final CallIds callIds;

    AgentController(
            AgentLoop loop,
            CommandExecutor executor,
            CampaignLookup campaigns,
            CallFlowClock clock,
            CallListRepository callList,
            ProcessorCatchUp catchUp,
            CallIds callIds) {
        this.loop = loop;
        this.executor = executor;
        this.campaigns = campaigns;
        this.clock = clock;
        this.callList = callList;
        this.catchUp = catchUp;
        this.callIds = callIds;
    }

    /**
     * sendAgentCallBack: rings the agent and returns the agent id the call recites. For a user whose session on
     * this campaign is still open it rings again and returns the same id (agents miss calls).
     */
    @PostMapping("/callback")
    ResponseEntity<?> callback(
            @PathVariable long campaignId, @Valid @RequestBody AgentRequests.Callback body, CommandRequest command) {
        return loop.callback(campaignId, body, command);
    }

    /** loginAgent: with the agent id recited and the same userId; the campaign must be RUNNING (or STOPPED: then the agent waits). */
    @PostMapping("/{agentId}/login")
    ResponseEntity<?> login(
            @PathVariable long campaignId,
            @PathVariable long agentId,
            @Valid @RequestBody AgentRequests.Login body,
            CommandRequest command) {
        return loop.login(campaignId, agentId, body, command);
    }

    /**
     * getConnectionForAgent as a long-poll: the call the agent is on (or still has to answer for) at once,
     * otherwise the next call connected within {@code waitSeconds}; 204 when none came. The wait holds no request
     * thread (ConnectionWaits).
     */
    @GetMapping("/{agentId}/connection")
    DeferredResult<ResponseEntity<?>> connection(
            @PathVariable long campaignId,
            @PathVariable long agentId,
            @RequestParam(defaultValue = "30") int waitSeconds,
            RequestContext context,
            HttpServletRequest request) {
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new RequestValidationException("waitSeconds", "must be between 0 and " + MAX_WAIT_SECONDS);
        }
        String account = context.accountId();
        Object invited = request.getAttribute(RequestContext.INVITED_USER_ID);
        String holder = invited != null
                ? "invite:" + account + ":" + UserIds.key((String) invited)
                : "credential:" + context.actor();
        AgentLoop.Waiting wait = loop.connection(
                campaignId, agentId, context, TimeUnit.SECONDS.toMillis(waitSeconds), holder, invited != null);
        // The servlet's own time-out only backs the wait's up; no request thread waits meanwhile.
        DeferredResult<ResponseEntity<?>> result = new DeferredResult<>(
                TimeUnit.SECONDS.toMillis(waitSeconds) + 10_000,
                () -> ResponseEntity.noContent().build());
        result.onCompletion(wait.end());
        wait.call().whenComplete((call, error) -> {
            if (error != null) {
                result.setErrorResult(error instanceof CompletionException ? error.getCause() : error);
            } else {
                result.setResult(call.<ResponseEntity<?>>map(ResponseEntity::ok)
                        .orElseGet(() -> ResponseEntity.noContent().build()));
            }
        });
        return result;
    }

    /**
     * The external dialer's side of getConnectionForAgent: a number of the campaign's list answered live and the
     * dialer put it through to this READY agent. The agent's long-poll returns the call; the agent's response
     * records its result (LA, or AM with answeringMachineTransfer) on the campaign, so the dialer does not report
     * this call on {@code /calls} (a report with the same callId would change nothing). A number that is not on
     * the list or already has its final result is refused here: the campaign could not record it afterwards.
     */
    @PostMapping("/{agentId}/connection")
    ResponseEntity<?> connect(
            @PathVariable long campaignId,
            @PathVariable long agentId,
            @Valid @RequestBody AgentRequests.Connect body,
            CommandRequest command) {
        AgentSessionId session = session(campaignId, agentId, command.context());
        campaigns.requireStatus(
                campaignId, command.context().accountId(), EnumSet.of(CampaignStatus.RUNNING), "connect a call on");
        String number = PhoneNumbers.toE164(body.number())
                .orElseThrow(() -> new RequestValidationException("number", "is not a valid phone number"));
        Optional<DueNumber> found = callList.openNumber(campaignId, number);
        if (found.isEmpty() && catchUp.await(CallListProjection.PROCESSING_GROUP)) {
            found = callList.openNumber(campaignId, number);
        }
        DueNumber open = found.orElseThrow(
                () -> new RequestValidationException("number", "is not a number of this campaign still to be called"));
        return executor.execute(command, body.requestId(), body, ctx -> {
            String callId = body.callId() != null ? body.callId() : callIds.next();
            AgentState state = executor.send(
                    ctx, new ConnectCallCommand(session, callId, number, open.extraData(), clock.instant()));
            return ResponseEntity.ok(new AgentResponses.Connected(session.value(), state, callId, number));
        });
    }

    /**
     * The external dialer reports that the connected call hung up: the agent moves to wrap-up, and the seconds
     * until its response count as response time (seed 003's Resp. Time). Without it the call ends when the agent
     * stores the response. Naming the call keeps a late hang-up from ending the agent's next one.
     */
    @DeleteMapping("/{agentId}/connection")
    ResponseEntity<?> hangUp(
            @PathVariable long campaignId,
            @PathVariable long agentId,
            @RequestParam String callId,
            CommandRequest command) {
        if (callId.isBlank() || callId.length() > 100) {
            throw new RequestValidationException("callId", "is required (at most 100 characters)");
        }
        AgentSessionId session = session(campaignId, agentId, command.context());
        return executor.execute(
                command,
                null,
                null,
                ctx -> state(session, executor.send(ctx, new EndCallCommand(session, callId, clock.instant()))));
    }

    /** storeAgentResponse; with {@code answeringMachineTransfer}, answeringMachineTransferStoreAgentResponse. */
    @PostMapping("/{agentId}/responses")
    ResponseEntity<?> respond(
            @PathVariable long campaignId,
            @PathVariable long agentId,
            @Valid @RequestBody AgentRequests.Response body,
            CommandRequest command) {
        return loop.respond(campaignId, agentId, body, command);
    }

    /** kickAgent: hangs up the agent and logs it out. */
    @PostMapping("/{agentId}/kick")
    ResponseEntity<?> kick(@PathVariable long campaignId, @PathVariable long agentId, CommandRequest command) {
        return loop.kick(campaignId, agentId, command);
    }

    /** The agent logs out. */
    @PostMapping("/{agentId}/logout")
    ResponseEntity<?> logout(@PathVariable long campaignId, @PathVariable long agentId, CommandRequest command) {
        AgentSessionId session = session(campaignId, agentId, command.context());
        return executor.execute(
                command,
                null,
                null,
                ctx -> state(session, executor.send(ctx, new LogoutAgentCommand(session, clock.instant()))));
    }

    /** getAgentStats: every agent session of the campaign with seed 003's statistics. */
    @GetMapping
    List<AgentSessionStatistics> stats(@PathVariable long campaignId, RequestContext context) {
        return loop.stats(campaignId, context);
    }

    private AgentSessionId session(long campaignId, long agentId, RequestContext context) {
        return loop.session(campaignId, agentId, context);
    }

    private static ResponseEntity<?> state(AgentSessionId session, Object state) {
        return AgentLoop.state(session, state);
    }
}
