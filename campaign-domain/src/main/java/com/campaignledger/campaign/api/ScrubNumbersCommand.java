package com.campaignledger.campaign.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Scrubs numbers put on a DNC list after they joined the call list: those the campaign has and has not dialled to a
 * final result (the others are left as they are; so is a campaign with scrubLevel 0).
 */
public record ScrubNumbersCommand(
        @TargetAggregateIdentifier CampaignId campaignId, List<String> numbers, String reason) {

    public ScrubNumbersCommand {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
}
