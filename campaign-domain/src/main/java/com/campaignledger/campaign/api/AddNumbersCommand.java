package com.campaignledger.campaign.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds numbers (E.164) to the campaign's call list; numbers it already has are skipped and counted. */
public record AddNumbersCommand(
        @TargetAggregateIdentifier CampaignId campaignId, List<ContactNumber> numbers, Long expectedRevision)
        implements RevisionedCommand {

    public AddNumbersCommand {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
}
