package com.campaignledger.projections.campaign;

import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStatus;
import java.time.Instant;

/**
 * A campaign as GET shows it: its settings, status, the times seed 000 names (created, lastModified,
 * configUpdated), its dial ratio and how many numbers it holds. {@code version} is the campaign's revision
 * (the ETag); {@code deleted} campaigns are kept for the record but no longer listed.
 */
public record CampaignView(
        long id,
        String accountId,
        CampaignStatus status,
        Instant created,
        Instant lastModified,
        Instant configUpdated,
        CampaignSettings settings,
        double dialRatio,
        int numberCount,
        long version,
        boolean deleted) {}
