package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.projections.campaign.CampaignView;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** A campaign as the API shows it: seed 000's fields in camelCase, plus what the ledger adds. */
@JsonPropertyOrder({"id", "status", "created", "lastModified", "configUpdated"})
public record CampaignResponse(
        long id,
        CampaignStatus status,
        Instant created,
        Instant lastModified,
        Instant configUpdated,
        @JsonUnwrapped CampaignSettings settings,
        boolean passcodeSet,
        double dialRatio,
        int numberCount,
        long version) {

    static CampaignResponse of(CampaignView v) {
        return new CampaignResponse(
                v.id(),
                v.status(),
                v.created(),
                v.lastModified(),
                v.configUpdated(),
                v.settings(),
                v.settings().passcodeHash() != null,
                v.dialRatio(),
                v.numberCount(),
                v.version());
    }
}
