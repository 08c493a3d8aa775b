package com.campaignledger.soap.predictive.ws;

import com.campaignledger.accounts.apikey.ApiKey;
import com.campaignledger.accounts.apikey.ApiKeys;
import com.campaignledger.soap.predictive.PredictiveAgents;
import com.campaignledger.soap.predictive.PredictiveCaller;
import com.campaignledger.soap.predictive.PredictiveCampaigns;
import com.campaignledger.soap.predictive.PredictiveRefusal;
import jakarta.jws.WebService;
import jakarta.xml.ws.AsyncHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.cxf.annotations.UseAsyncMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PredictiveService: authenticates each operation's {@code key}, reads the seed's quirks, and hands the operation to
 * the ports the application implements with the REST rows' commands. No rule of the ledger is checked here.
 */
@WebService(
        serviceName = "PredictiveService",
        portName = "PredictiveServiceHttpPort",
        targetNamespace = PredictiveService.NAMESPACE,
        endpointInterface = "com.campaignledger.soap.predictive.ws.PredictiveService")
public class PredictiveServiceEndpoint implements PredictiveService {

    static final String BAD_KEY =
            "The key is not an API key of this service, or it was revoked: " + "use a key made with POST /api/api-keys";
    static final String UNEXPECTED = "Unexpected error; nothing was acknowledged";

    private static final Logger log = LoggerFactory.getLogger(PredictiveServiceEndpoint.class);

    private final ApiKeys keys;
    private final PredictiveCampaigns campaigns;
    private final PredictiveAgents agents;
    private final Duration connectionWait;

    public PredictiveServiceEndpoint(
            ApiKeys keys, PredictiveCampaigns campaigns, PredictiveAgents agents, Duration connectionWait) {
        this.keys = keys;
        this.campaigns = campaigns;
        this.agents = agents;
        this.connectionWait = connectionWait;
    }

    @Override
    public long createCallCenterConnectCampaign(
            String key,
            String callerid,
            String name,
            String passcode,
            ArrayOfDisposition dispositionLists,
            ArrayOfString numbers)
            throws PredictiveServiceException {
        return create(key, callerid, name, passcode, dispositionLists, numbers, null);
    }

    @Override
    public long createCallCenterConnectCampaignWithAM(
            String key,
            String callerid,
            String name,
            String passcode,
            ArrayOfDisposition dispositionLists,
            ArrayOfString numbers,
            long answeringMachineSound)
            throws PredictiveServiceException {
        return create(key, callerid, name, passcode, dispositionLists, numbers, answeringMachineSound);
    }

    private long create(
            String key,
            String callerid,
            String name,
            String passcode,
            ArrayOfDisposition dispositionLists,
            ArrayOfString numbers,
            Long answeringMachineSound)
            throws PredictiveServiceException {
        PredictiveCaller caller = caller(key);
        PredictiveCampaigns.NewCampaign campaign = new PredictiveCampaigns.NewCampaign(
                name,
                line(callerid),
                passcode,
                dispositionLists == null ? List.of() : dispositionLists.read(),
                numbers == null ? List.of() : lines(numbers.getString()),
                answeringMachineSound);
        return call(() -> campaigns.create(caller, campaign));
    }

    @Override
    public ArrayOfAgentType getAgentStats(String key, long campaignid) throws PredictiveServiceException {
        PredictiveCaller caller = caller(key);
        return call(() -> new ArrayOfAgentType(
                agents.stats(caller, campaignid).stream().map(AgentType::of).toList()));
    }

    /**
     * Answered by {@link #getConnectionForAgentAsync}, which holds no thread while it waits; this runs only where the
     * servlet container cannot suspend the request.
     */
    @Override
    @UseAsyncMethod
    public CallType getConnectionForAgent(String key, long campaignId, String agentId)
            throws PredictiveServiceException {
        try {
            return connection(key, campaignId, agentId).get().getOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PredictiveServiceException(UNEXPECTED);
        } catch (ExecutionException e) {
            throw fault(e.getCause());
        }
    }

    /** getConnectionForAgent without a thread: the request is suspended until the wait completes. */
    public Future<?> getConnectionForAgentAsync(
            String key, long campaignId, String agentId, AsyncHandler<GetConnectionForAgentResponse> handler) {
        CompletableFuture<GetConnectionForAgentResponse> answer;
        try {
            answer = connection(key, campaignId, agentId);
        } catch (PredictiveServiceException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<GetConnectionForAgentResponse> result = answer.handle((response, error) -> {
            if (error != null) {
                throw new CompletedFault(fault(unwrap(error)));
            }
            return response;
        });
        result.whenComplete((response, error) -> handler.handleResponse(new AsyncResponse<>(result)));
        return result;
    }

    private CompletableFuture<GetConnectionForAgentResponse> connection(String key, long campaignId, String agentId)
            throws PredictiveServiceException {
        PredictiveCaller caller = caller(key);
        long agent = agentId(agentId);
        return call(() -> agents.awaitConnection(caller, campaignId, agent, connectionWait))
                .thenApply(call ->
                        new GetConnectionForAgentResponse(call.map(CallType::of).orElse(null)));
    }

    @Override
    public void loginAgent(String key, long campaignId, String agentId, String userId)
            throws PredictiveServiceException {
        PredictiveCaller caller = caller(key);
        long agent = agentId(agentId);
        call(() -> {
            agents.login(caller, campaignId, agent, userId);
            return null;
        });
    }

    @Override
    public long sendAgentCallBack(String key, long campaignId, String userId, String phoneNumber)
            throws PredictiveServiceException {
        return sendAgentCallBackWithMusicSetting(key, campaignId, userId, phoneNumber, null);
    }

    @Override
    public long sendAgentCallBackWithMusicSetting(
            String key, long campaignId, String userId, String phoneNumber, String musiconhold)
            throws PredictiveServiceException {
        PredictiveCaller caller = caller(key);
        return call(() -> agents.callback(caller, campaignId, userId, line(phoneNumber), musiconhold));
    }

    @Override
    public void storeAgentResponse(
            String key,
            long campaignId,
            String agentId,
            String callId,
            String agentResponse,
            String agentNotes,
            Boolean lastcall)
            throws PredictiveServiceException {
        respond(key, campaignId, agentId, callId, agentResponse, agentNotes, lastcall, false);
    }

    @Override
    public void answeringMachineTransferStoreAgentResponse(
            String key,
            long campaignId,
            String agentId,
            String callId,
            String agentResponse,
            String agentNotes,
            Boolean lastcall)
            throws PredictiveServiceException {
        respond(key, campaignId, agentId, callId, agentResponse, agentNotes, lastcall, true);
    }

    private void respond(
            String key,
            long campaignId,
            String agentId,
            String callId,
            String agentResponse,
            String agentNotes,
            Boolean lastcall,
            boolean answeringMachineTransfer)
            throws PredictiveServiceException {
        PredictiveCaller caller = caller(key);
        long agent = agentId(agentId);
        call(() -> {
            agents.storeResponse(
                    caller,
                    campaignId,
                    agent,
                    callId,
                    agentResponse,
                    agentNotes,
                    Boolean.TRUE.equals(lastcall),
                    answeringMachineTransfer);
            return null;
        });
    }

    @Override
    public void kickAgent(String key, long campaignId, String agentId) throws PredictiveServiceException {
        PredictiveCaller caller = caller(key);
        long agent = agentId(agentId);
        call(() -> {
            agents.kick(caller, campaignId, agent);
            return null;
        });
    }

    @Override
    public void updateRatio(String key, Long campaignid, Long campaignId, double ratio)
            throws PredictiveServiceException {
        PredictiveCaller caller = caller(key);
        Long id = campaignid != null ? campaignid : campaignId;
        if (id == null) {
            throw new PredictiveServiceException("campaignid: is required");
        }
        call(() -> {
            campaigns.updateRatio(caller, id, ratio);
            return null;
        });
    }

    private PredictiveCaller caller(String key) throws PredictiveServiceException {
        Optional<ApiKey> found = keys.authenticate(key);
        if (found.isEmpty()) {
            throw new PredictiveServiceException(BAD_KEY);
        }
        return new PredictiveCaller(
                found.get().accountId(), found.get().actor(), UUID.randomUUID().toString());
    }

    private static long agentId(String agentId) throws PredictiveServiceException {
        try {
            return Long.parseLong(line(agentId));
        } catch (NumberFormatException | NullPointerException e) {
            throw new PredictiveServiceException("agentId: must be the agent id its callback recited (a number)");
        }
    }

    /** A value as PHP sends a line of a file: without its line ending. */
    private static String line(String value) {
        return value == null ? null : value.strip();
    }

    /** Numbers as PHP reads them from a file, a line each: without line endings, and no empty last line. */
    private static List<String> lines(List<String> values) {
        return values.stream()
                .map(PredictiveServiceEndpoint::line)
                .filter(v -> v != null && !v.isEmpty())
                .toList();
    }

    private static <T> T call(Supplier<T> operation) throws PredictiveServiceException {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw fault(e);
        }
    }

    private static PredictiveServiceException fault(Throwable e) {
        if (e instanceof PredictiveServiceException fault) {
            return fault;
        }
        if (e instanceof CompletedFault completed) {
            return completed.fault;
        }
        if (e instanceof PredictiveRefusal refusal) {
            return new PredictiveServiceException(refusal.getMessage());
        }
        log.error("Unexpected error in PredictiveService", e);
        return new PredictiveServiceException(UNEXPECTED);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** A fault carried out of a completed wait. */
    private static final class CompletedFault extends RuntimeException {
        private final PredictiveServiceException fault;

        CompletedFault(PredictiveServiceException fault) {
            super(fault.getMessage(), fault, false, false);
            this.fault = fault;
        }
    }
}
