package com.campaignledger.projections.campaign;

import com.campaignledger.campaign.api.CampaignStatus;

/**
 * QueryCccCampaigns: an account's campaigns, optionally filtered by name (contains, any case), status and
 * label, one page at a time, sorted by {@code sort} (id, name, created, lastModified, status).
 */
public record ListCampaignsQuery(
        String accountId,
        String name,
        CampaignStatus status,
        String label,
        int page,
        int size,
        CampaignSort sort,
        boolean descending) {}
