package com.campaignledger.campaign.api;

import java.util.List;

/** Numbers joined the campaign's call list; {@code duplicatesSkipped} counts those it already had or that repeated. */
public record NumbersAddedEvent(CampaignId campaignId, List<ContactNumber> added, int duplicatesSkipped) {

    public NumbersAddedEvent {
        added = added == null ? List.of() : List.copyOf(added);
    }
}
