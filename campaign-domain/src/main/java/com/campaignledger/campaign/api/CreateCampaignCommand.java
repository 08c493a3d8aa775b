package com.campaignledger.campaign.api;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CreateCccCampaign: a new campaign in SETUP, optionally with its first numbers (createCallCenterConnectCampaign). */
public record CreateCampaignCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        String accountId,
        CampaignSettings settings,
        List<ContactNumber> numbers,
        Set<String> onDnc) {

    public CreateCampaignCommand {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        onDnc = onDnc == null ? Set.of() : Set.copyOf(onDnc);
    }

    /** A campaign whose numbers are on no do-not-call list. */
    public CreateCampaignCommand(
            CampaignId campaignId, String accountId, CampaignSettings settings, List<ContactNumber> numbers) {
        this(campaignId, accountId, settings, numbers, Set.of());
    }
}
