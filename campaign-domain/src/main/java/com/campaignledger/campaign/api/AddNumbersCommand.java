package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Adds numbers (E.164) to the campaign's call list; numbers it already has are skipped and counted. */
public record AddNumbersCommand(@TargetAggregateIdentifier CampaignId campaignId, List<ContactNumber> numbers,
                                Long expectedRevision) implements RevisionedCommand {

    public AddNumbersCommand {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
}
