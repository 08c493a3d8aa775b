package com.campaignledger.notifications.api;

import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStatus;
import java.time.Instant;
import java.util.List;

/** A campaign as its notifications describe it (seed 004's Broadcast): taken at the event that caused them. */
public record BroadcastFacts(
        long campaignId,
        String accountId,
        String name,
        CampaignStatus status,
        Instant lastModified,
        List<String> labels,
        CampaignConfigFacts config) {

    public BroadcastFacts {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public static BroadcastFacts created(long campaignId, String accountId, CampaignSettings settings, Instant at) {
        return new BroadcastFacts(
                campaignId,
                accountId,
                settings.name(),
                CampaignStatus.SETUP,
                at,
                settings.labels(),
                CampaignConfigFacts.of(settings, at));
    }

    public BroadcastFacts withSettings(CampaignSettings settings, Instant at) {
        return new BroadcastFacts(
                campaignId,
                accountId,
                settings.name(),
                status,
                at,
                settings.labels(),
                CampaignConfigFacts.of(settings, config.created()));
    }

    public BroadcastFacts withStatus(CampaignStatus newStatus, Instant at) {
        return new BroadcastFacts(campaignId, accountId, name, newStatus, at, labels, config);
    }
}
