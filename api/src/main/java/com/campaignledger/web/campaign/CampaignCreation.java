package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CreateCampaignCommand;
import com.campaignledger.campaign.api.InvalidCampaignException;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.ETags;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** CreateCccCampaign, whichever way it is asked (the REST row, PredictiveService's createCallCenterConnectCampaign). */
@Component
class CampaignCreation {

    private final CommandExecutor executor;
    private final CampaignRequestReader reader;
    private final ContactNumbers contactNumbers;
    private final CampaignIds ids;
    private final CampaignGroupNames groupNames;

    CampaignCreation(
            CommandExecutor executor,
            CampaignRequestReader reader,
            ContactNumbers contactNumbers,
            CampaignIds ids,
            CampaignGroupNames groupNames) {
        this.executor = executor;
        this.reader = reader;
        this.contactNumbers = contactNumbers;
        this.ids = ids;
        this.groupNames = groupNames;
    }

    /** A campaign body as the REST row takes it: 201 with the new id. */
    ResponseEntity<?> create(JsonNode body, CommandRequest command) {
        CampaignRequest request =
                groupNames.named(reader.read(body, true), command.context().accountId());
        // Checked here too, so a refused campaign costs no id from the sequence.
        CampaignSettings settings = CampaignSettings.named(null).with(request.patch(CampaignId.of(1)));
        if (!settings.violations().isEmpty()) {
            throw new InvalidCampaignException(settings.violations());
        }
        return executor.execute(command, request.requestId(), body, context -> {
            CampaignId id = ids.next();
            CampaignSettings withPasscode = CampaignSettings.named(null).with(request.patch(id));
            executor.send(
                    context,
                    new CreateCampaignCommand(
                            id,
                            context.accountId(),
                            withPasscode,
                            request.numbers(),
                            contactNumbers.onDnc(context.accountId(), request.numbers())));
            long version = request.numbers().isEmpty() ? 1 : 2;
            return ResponseEntity.created(URI.create("/api/campaigns/" + id.value()))
                    .eTag(ETags.of(version))
                    .body(new CampaignCreated(id.value()));
        });
    }
}
