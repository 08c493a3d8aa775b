package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.UpdateDialRatioCommand;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.soap.predictive.PredictiveCaller;
import com.campaignledger.soap.predictive.PredictiveCampaigns;
import com.campaignledger.soap.predictive.PredictiveRefusal;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.ProblemDetails;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * PredictiveService's campaign operations as the REST rows do them: createCallCenterConnectCampaign is a
 * CreateCccCampaign body (callerid as fromNumber), updateRatio the dial-ratio row; a refusal in the words of the REST
 * problem's detail.
 */
@Component
class PredictiveCampaignsAdapter implements PredictiveCampaigns {

    private final CampaignCreation creation;
    private final CommandExecutor executor;
    private final ObjectMapper json;
    private final Validator validator;
    private final ProblemDetails problems;

    PredictiveCampaignsAdapter(
            CampaignCreation creation,
            CommandExecutor executor,
            ObjectMapper json,
            Validator validator,
            ProblemDetails problems) {
        this.creation = creation;
        this.executor = executor;
        this.json = json;
        this.validator = validator;
        this.problems = problems;
    }

    @Override
    public long create(PredictiveCaller caller, NewCampaign campaign) {
        ObjectNode body = json.createObjectNode();
        putIfSent(body, "name", campaign.name());
        putIfSent(body, "fromNumber", campaign.callerId());
        putIfSent(body, "passcode", campaign.passcode());
        ArrayNode lists = body.putArray("dispositionLists");
        campaign.dispositionLists().forEach(d -> {
            ObjectNode list = lists.addObject();
            list.put("name", d.name());
            d.dispositions().forEach(list.putArray("dispositions")::add);
        });
        ArrayNode numbers = body.putArray("numbers");
        campaign.numbers().forEach(n -> numbers.addObject().put("number", n));
        if (campaign.answeringMachineSoundId() != null) {
            body.put("answeringMachineSoundId", campaign.answeringMachineSoundId());
        }
        return refused(() -> ((CampaignCreated)
                        creation.create(body, command(caller, "createCallCenterConnectCampaign"))
                                .getBody())
                .id());
    }

    @Override
    public void updateRatio(PredictiveCaller caller, long campaignId, double ratio) {
        DialRatioRequest body = new DialRatioRequest(ratio, null);
        refused(() -> {
            List<Violation> violations = validator.validate(body).stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .toList();
            if (!violations.isEmpty()) {
                throw new RequestValidationException(violations);
            }
            CommandRequest command = command(caller, "updateRatio");
            return executor.execute(command, null, body, context -> {
                executor.send(
                        context, new UpdateDialRatioCommand(CampaignController.campaignId(campaignId), ratio, null));
                return org.springframework.http.ResponseEntity.ok().build();
            });
        });
    }

    private static void putIfSent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private <T> T refused(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw new PredictiveRefusal(problems.detail(e));
        }
    }

    private static CommandRequest command(PredictiveCaller caller, String operation) {
        RequestContext context =
                RequestContext.authenticatedKey(caller.accountId(), caller.actor(), caller.requestId());
        return new CommandRequest(context, null, "SOAP PredictiveService." + operation);
    }
}
