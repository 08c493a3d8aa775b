package com.campaignledger.campaign.api;

import java.util.List;

/** The campaign's transfer numbers were cleared; {@code removed} is what they were. */
public record TransferNumbersDeletedEvent(CampaignId campaignId, List<TransferNumber> removed) {

    public TransferNumbersDeletedEvent {
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
