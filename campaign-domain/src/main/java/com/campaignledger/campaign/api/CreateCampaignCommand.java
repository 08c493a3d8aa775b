package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** CreateCccCampaign: a new campaign in SETUP, optionally with its first numbers (createCallCenterConnectCampaign). */
public record CreateCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId, String accountId,
                                    CampaignSettings settings, List<ContactNumber> numbers) {

    public CreateCampaignCommand {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
}
