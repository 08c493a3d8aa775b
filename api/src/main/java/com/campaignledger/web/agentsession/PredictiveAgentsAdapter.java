package com.campaignledger.web.agentsession;

import com.campaignledger.campaign.api.Question;
import com.campaignledger.campaign.api.TransferNumber;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.soap.predictive.PredictiveAgents;
import com.campaignledger.soap.predictive.PredictiveCaller;
import com.campaignledger.soap.predictive.PredictiveCampaigns;
import com.campaignledger.soap.predictive.PredictiveRefusal;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.ProblemDetails;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * PredictiveService's agent operations on the same {@link AgentLoop} as the REST rows: their bodies checked by the
 * same constraints, a refusal in the words of the REST problem's detail.
 */
@Component
class PredictiveAgentsAdapter implements PredictiveAgents {

    private final AgentLoop loop;
    private final Validator validator;
    private final ProblemDetails problems;

    PredictiveAgentsAdapter(AgentLoop loop, Validator validator, ProblemDetails problems) {
        this.loop = loop;
        this.validator = validator;
        this.problems = problems;
    }

    @Override
    public long callback(
            PredictiveCaller caller, long campaignId, String userId, String phoneNumber, String musicOnHold) {
        AgentRequests.Callback body = new AgentRequests.Callback(userId, phoneNumber, musicOnHold, null);
        return refused(() -> ((AgentResponses.Session)
                        loop.callback(campaignId, valid(body), command(caller, "sendAgentCallBack"))
                                .getBody())
                .agentId());
    }

    @Override
    public void login(PredictiveCaller caller, long campaignId, long agentId, String userId) {
        AgentRequests.Login body = new AgentRequests.Login(userId, null);
        refused(() -> loop.login(campaignId, agentId, valid(body), command(caller, "loginAgent")));
    }

    @Override
    public CompletableFuture<Optional<ConnectedCall>> awaitConnection(
            PredictiveCaller caller, long campaignId, long agentId, Duration maxWait) {
        RequestContext context = context(caller);
        AgentLoop.Waiting wait = refused(() -> loop.connection(
                campaignId, agentId, context, maxWait.toMillis(), "credential:" + caller.actor(), false));
        CompletableFuture<Optional<ConnectedCall>> call = wait.call().handle((connection, error) -> {
            if (error != null) {
                throw new PredictiveRefusal(problems.detail(error));
            }
            return connection.map(PredictiveAgentsAdapter::call);
        });
        call.whenComplete((c, e) -> wait.end().run());
        return call;
    }

    @Override
    public void storeResponse(
            PredictiveCaller caller,
            long campaignId,
            long agentId,
            String callId,
            String agentResponse,
            String agentNotes,
            boolean lastCall,
            boolean answeringMachineTransfer) {
        AgentRequests.Response body = new AgentRequests.Response(
                callId, agentResponse, agentNotes, lastCall, answeringMachineTransfer, null, null);
        String operation =
                answeringMachineTransfer ? "answeringMachineTransferStoreAgentResponse" : "storeAgentResponse";
        refused(() -> loop.respond(campaignId, agentId, valid(body), command(caller, operation)));
    }

    @Override
    public void kick(PredictiveCaller caller, long campaignId, long agentId) {
        refused(() -> loop.kick(campaignId, agentId, command(caller, "kickAgent")));
    }

    @Override
    public List<SessionStats> stats(PredictiveCaller caller, long campaignId) {
        return refused(() -> loop.stats(campaignId, context(caller)).stream()
                .map(s -> new SessionStats(
                        s.id(),
                        s.campaignId(),
                        s.phoneNumber(),
                        s.userId(),
                        s.loggedIn(),
                        s.loggedOut(),
                        s.calls(),
                        s.duration(),
                        s.callsSeconds(),
                        s.avgCallSeconds(),
                        s.responseTime(),
                        s.responsePercent()))
                .toList());
    }

    private static ConnectedCall call(AgentResponses.Connection c) {
        return new ConnectedCall(
                c.agentId(),
                c.campaignId(),
                c.callId(),
                c.number(),
                c.extraData() == null ? java.util.Map.of() : c.extraData(),
                c.connectedAt(),
                c.script(),
                c.questions() == null
                        ? List.of()
                        : c.questions().stream().map(Question::label).toList(),
                c.dispositionLists() == null
                        ? List.of()
                        : c.dispositionLists().stream()
                                .map(d -> new PredictiveCampaigns.Dispositions(d.name(), d.dispositions()))
                                .toList(),
                c.transferNumbers() == null
                        ? List.of()
                        : c.transferNumbers().stream()
                                .map(TransferNumber::number)
                                .toList());
    }

    /** The body's constraints, as {@code @Valid} checks them on the REST rows. */
    private <T> T valid(T body) {
        List<Violation> violations = validator.validate(body).stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Violation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return body;
    }

    private <T> T refused(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw new PredictiveRefusal(problems.detail(e));
        }
    }

    private static CommandRequest command(PredictiveCaller caller, String operation) {
        return new CommandRequest(context(caller), null, "SOAP PredictiveService." + operation);
    }

    private static RequestContext context(PredictiveCaller caller) {
        return RequestContext.authenticatedKey(caller.accountId(), caller.actor(), caller.requestId());
    }
}
