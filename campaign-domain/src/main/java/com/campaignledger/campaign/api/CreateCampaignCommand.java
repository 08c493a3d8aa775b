package com.campaignledger.campaign.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CreateCccCampaign: a new campaign in SETUP, optionally with its first numbers (createCallCenterConnectCampaign). */
public record CreateCampaignCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        String accountId,
        CampaignSettings settings,
        List<ContactNumber> numbers) {

    public CreateCampaignCommand {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
}
