package com.campaignledger.campaign.api;

import java.util.List;

/**
 * Numbers of the call list that are on one of the account's do-not-call lists (scrubLevel 1): kept, never offered for
 * dialing, counted as {@code scrubbed} in the stats. At upload, or when the number is put on a list later.
 */
public record NumbersScrubbedEvent(CampaignId campaignId, List<String> numbers, String reason) {

    public NumbersScrubbedEvent {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
}
