package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.soap.ccc.CccCampaigns;
import com.campaignledger.soap.ccc.CccRefusal;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.ProblemDetails;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * CccService's campaign operations as the REST rows do them, for the credential HTTP Basic authenticated: the SOAP
 * campaign becomes the REST body, and a refusal is told in the words of the REST problem's detail.
 */
@Component
class CccCampaignsAdapter implements CccCampaigns {

    private final CampaignController rows;
    private final CampaignCreation creation;
    private final ObjectMapper json;
    private final ProblemDetails problems;

    CccCampaignsAdapter(
            CampaignController rows, CampaignCreation creation, ObjectMapper json, ProblemDetails problems) {
        this.rows = rows;
        this.creation = creation;
        // A campaign as the REST row shows it has more than seed 000's configuration: read only that.
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.problems = problems;
    }

    @Override
    public long create(String requestId, Configuration configuration) {
        ObjectNode body = body(requestId, configuration);
        return refused(() -> {
            Object created = creation.create(body, command("CreateCccCampaign")).getBody();
            // A repeated RequestId answers the first answer as it was stored.
            return created instanceof CampaignCreated first
                    ? first.id()
                    : ((JsonNode) created).get("id").asLong();
        });
    }

    @Override
    public Campaign get(long campaignId) {
        return refused(() -> campaign(rows.get(campaignId, null, context()).getBody()));
    }

    @Override
    public Page query(String name, String status, String label, int first, int max) {
        return refused(() -> {
            if (max < 1 || first < 0 || first % max != 0) {
                throw new RequestValidationException(
                        "FirstResult", "must be a multiple of MaxResults (at least 1), from 0");
            }
            CampaignListResponse page = rows.list(name, status(status), label, first / max, max, "id", context());
            return new Page(
                    page.totalElements(),
                    page.content().stream().map(this::campaign).toList());
        });
    }

    @Override
    public void update(String requestId, long campaignId, Configuration configuration) {
        ObjectNode body = body(requestId, configuration);
        // CallFire's UpdateCccCampaign does not overwrite the name; every other field is replaced, a missing one
        // cleared to its default (null), and retryConfig's members too (a merge of every member is a replacement).
        body.remove("name");
        refused(() -> rows.update(campaignId, body, command("UpdateCccCampaign"), null));
    }

    @Override
    public void control(String requestId, long campaignId, String command) {
        refused(() -> {
            ControlRequest.ControlCommand control = Arrays.stream(ControlRequest.ControlCommand.values())
                    .filter(c -> c.name().equals(command))
                    .findFirst()
                    .orElseThrow(() -> new RequestValidationException(
                            "Command", "must be one of " + Arrays.toString(ControlRequest.ControlCommand.values())));
            return rows.control(
                    campaignId, new ControlRequest(control, requestId), command("ControlCccCampaign"), null);
        });
    }

    @Override
    public void delete(long campaignId) {
        refused(() -> rows.delete(campaignId, command("DeleteCccCampaign"), null));
    }

    @Override
    public void deleteTransferNumbers(long campaignId) {
        refused(() -> rows.deleteTransferNumbers(campaignId, command("DeleteCccCampaignTransferNumbers"), null));
    }

    @Override
    public void deleteQuestions(long campaignId) {
        refused(() -> rows.deleteQuestions(campaignId, command("DeleteCccCampaignQuestions"), null));
    }

    /** The REST body of a configuration: every field, null where nothing was sent. */
    private ObjectNode body(String requestId, Configuration configuration) {
        ObjectNode body = json.valueToTree(configuration);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }

    private Campaign campaign(CampaignResponse campaign) {
        return new Campaign(
                campaign.id(),
                campaign.status().name(),
                text(campaign.created()),
                text(campaign.lastModified()),
                text(campaign.configUpdated()),
                campaign.settings().agentGroupName(),
                json.convertValue(campaign, Configuration.class));
    }

    private static CampaignStatus status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(CampaignStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElseThrow(() -> new RequestValidationException(
                        "Status", "must be one of " + Arrays.toString(CampaignStatus.values())));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private <T> T refused(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw new CccRefusal(problems.detail(e));
        }
    }

    private static CommandRequest command(String operation) {
        return new CommandRequest(context(), null, "SOAP CccService." + operation);
    }

    private static RequestContext context() {
        return RequestContext.current()
                .orElseThrow(() -> new IllegalStateException("CccService answers authenticated requests only"));
    }
}
