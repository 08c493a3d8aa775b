package com.campaignledger.campaign.api;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds numbers (E.164) to the campaign's call list; numbers it already has are skipped and counted. Those in
 * {@code onDnc} (on one of the account's do-not-call lists when they were sent) are kept but scrubbed.
 */
public record AddNumbersCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        List<ContactNumber> numbers,
        Set<String> onDnc,
        Long expectedRevision)
        implements RevisionedCommand {

    public AddNumbersCommand {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        onDnc = onDnc == null ? Set.of() : Set.copyOf(onDnc);
    }

    public AddNumbersCommand(CampaignId campaignId, List<ContactNumber> numbers, Long expectedRevision) {
        this(campaignId, numbers, Set.of(), expectedRevision);
    }
}
