package com.campaignledger.campaign.api;

import java.util.List;

/** The campaign's questions were cleared; {@code removed} is what they were. */
public record QuestionsDeletedEvent(CampaignId campaignId, List<Question> removed) {

    public QuestionsDeletedEvent {
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
