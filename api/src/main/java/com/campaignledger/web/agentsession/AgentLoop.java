package com.campaignledger.web.agentsession;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.agent.session.api.KickAgentCommand;
import com.campaignledger.agent.session.api.LoginAgentCommand;
import com.campaignledger.agent.session.api.RepeatAgentCallbackCommand;
import com.campaignledger.agent.session.api.SendAgentCallbackCommand;
import com.campaignledger.agent.session.api.StoreAgentResponseCommand;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.dialer.agents.AgentSessionDirectory;
import com.campaignledger.dialer.agents.ConnectionWaits;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.PhoneNumbers;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.agentsession.AgentSessionRepository;
import com.campaignledger.projections.agentsession.AgentSessionStatistics;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Seed 003's agent loop, whichever way it is asked (the REST rows, PredictiveService over SOAP): the campaign's status,
 * the roster, the agent's session in the caller's account, then the command. One implementation of each rule.
 */
@Component
class AgentLoop {

    /** A wait for the agent's call: completes with it, or empty; {@link #end} gives the wait's place back. */
    record Waiting(CompletableFuture<Optional<AgentResponses.Connection>> call, Runnable end) {}

    private final CommandExecutor executor;
    private final CampaignLookup campaigns;
    private final AgentSessionDirectory directory;
    private final AgentSessionRepository sessions;
    private final CallFlowClock clock;
    private final RosterGate roster;
    private final ConnectionWaits waits;

    AgentLoop(
            CommandExecutor executor,
            CampaignLookup campaigns,
            AgentSessionDirectory directory,
            AgentSessionRepository sessions,
            CallFlowClock clock,
            RosterGate roster,
            ConnectionWaits waits) {
        this.executor = executor;
        this.campaigns = campaigns;
        this.directory = directory;
        this.sessions = sessions;
        this.clock = clock;
        this.roster = roster;
        this.waits = waits;
    }

    /**
     * sendAgentCallBack: rings the agent and answers the agent id the call recites. For a user whose session on this
     * campaign is still open it rings again and answers the same id (agents miss calls).
     */
    ResponseEntity<?> callback(long campaignId, AgentRequests.Callback body, CommandRequest command) {
        RequestContext context = command.context();
        campaigns.requireStatus(
                campaignId,
                context.accountId(),
                EnumSet.of(CampaignStatus.SETUP, CampaignStatus.RUNNING, CampaignStatus.STOPPED),
                "call back an agent for");
        roster.requireAdmitted(campaignId, context.accountId(), body.userId());
        String phone = PhoneNumbers.toE164(body.phoneNumber())
                .orElseThrow(() -> new RequestValidationException("phoneNumber", "is not a valid phone number"));
        return executor.execute(command, body.requestId(), body, ctx -> {
            Optional<AgentSessionId> open = directory.openSession(campaignId, body.userId());
            if (open.isPresent()) {
                executor.send(
                        ctx, new RepeatAgentCallbackCommand(open.get(), body.userId(), phone, body.musicOnHold()));
                return ResponseEntity.ok(new AgentResponses.Session(open.get().value(), AgentState.CALLBACK_SENT));
            }
            AgentSessionId id = directory.nextId();
            executor.send(
                    ctx,
                    new SendAgentCallbackCommand(
                            id, campaignId, ctx.accountId(), body.userId(), phone, body.musicOnHold()));
            return ResponseEntity.created(URI.create("/api/agent-sessions/" + id.value()))
                    .body(new AgentResponses.Session(id.value(), AgentState.CALLBACK_SENT));
        });
    }

    /** loginAgent: with the agent id recited and the same userId; the campaign must be RUNNING (or STOPPED: then the agent waits). */
    ResponseEntity<?> login(long campaignId, long agentId, AgentRequests.Login body, CommandRequest command) {
        AgentSessionId session = session(campaignId, agentId, command.context());
        campaigns.requireStatus(
                campaignId,
                command.context().accountId(),
                EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.STOPPED),
                "log an agent in to");
        roster.requireAdmitted(campaignId, command.context().accountId(), body.userId());
        return executor.execute(
                command,
                body.requestId(),
                body,
                ctx -> state(
                        session,
                        executor.send(
                                ctx, new LoginAgentCommand(session, campaignId, body.userId(), clock.instant()))));
    }

    /**
     * getConnectionForAgent: the call the agent is on (or still has to answer for) at once, otherwise the next call
     * connected within {@code waitMillis}. No thread waits meanwhile ({@link ConnectionWaits}).
     *
     * @param holder  whose cap of waiting polls the wait counts against
     * @param invited whether the holder is an invite token
     */
    Waiting connection(
            long campaignId, long agentId, RequestContext context, long waitMillis, String holder, boolean invited) {
        AgentSessionId session = session(campaignId, agentId, context);
        String account = context.accountId();
        ConnectionWaits.Wait wait = waits.await(session.value(), waitMillis, holder, invited);
        return new Waiting(
                wait.call().thenApply(call -> call.map(c -> connected(session, campaignId, account, c))), wait.end());
    }

    /** storeAgentResponse; with {@code answeringMachineTransfer}, answeringMachineTransferStoreAgentResponse. */
    ResponseEntity<?> respond(long campaignId, long agentId, AgentRequests.Response body, CommandRequest command) {
        AgentSessionId session = session(campaignId, agentId, command.context());
        return executor.execute(
                command,
                body.requestId(),
                body,
                ctx -> state(
                        session,
                        executor.send(
                                ctx,
                                new StoreAgentResponseCommand(
                                        session,
                                        body.callId(),
                                        body.agentResponse(),
                                        body.agentNotes(),
                                        Boolean.TRUE.equals(body.lastCall()),
                                        Boolean.TRUE.equals(body.answeringMachineTransfer()),
                                        clock.instant(),
                                        body.storedData()))));
    }

    /** kickAgent: hangs up the agent and logs it out. */
    ResponseEntity<?> kick(long campaignId, long agentId, CommandRequest command) {
        AgentSessionId session = session(campaignId, agentId, command.context());
        return executor.execute(
                command,
                null,
                null,
                ctx -> state(session, executor.send(ctx, new KickAgentCommand(session, clock.instant()))));
    }

    /** getAgentStats: every agent session of the campaign with seed 003's statistics. */
    List<AgentSessionStatistics> stats(long campaignId, RequestContext context) {
        String account = context.accountId();
        campaigns.require(campaignId, account);
        return sessions.ofCampaign(campaignId, account).stream()
                .map(v -> AgentSessionStatistics.of(v, clock))
                .toList();
    }

    /** The agent id must name a session of this campaign in the caller's account: otherwise it does not exist here. */
    AgentSessionId session(long campaignId, long agentId, RequestContext context) {
        String account = context.accountId();
        return directory
                .find(agentId)
                .filter(e -> e.campaignId() == campaignId && e.accountId().equals(account))
                .map(AgentSessionDirectory.Entry::sessionId)
                .orElseThrow(() -> new ResourceNotFoundException("No agent " + agentId + " on campaign " + campaignId));
    }

    static ResponseEntity<?> state(AgentSessionId session, Object state) {
        return ResponseEntity.ok(new AgentResponses.Session(session.value(), (AgentState) state));
    }

    private AgentResponses.Connection connected(
            AgentSessionId session, long campaignId, String account, AgentSessionDirectory.OpenCall call) {
        CampaignView campaign = campaigns.require(campaignId, account);
        return new AgentResponses.Connection(
                session.value(),
                campaignId,
                call.callId(),
                call.number(),
                call.extraData(),
                call.connectedAt(),
                campaign.settings().script(),
                campaign.settings().questions(),
                campaign.settings().dispositionLists(),
                campaign.settings().transferNumbers());
    }
}
