package com.campaignledger.campaign.api;

import java.util.List;

/** A campaign's settings changed: the whole new configuration, and each changed field with old and new value. */
public record CampaignUpdatedEvent(CampaignId campaignId, CampaignSettings settings, List<FieldChange> changes) {

    public CampaignUpdatedEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
