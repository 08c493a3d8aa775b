package com.campaignledger.campaign.api;

/** The campaign was archived; it takes no more changes. */
public record CampaignArchivedEvent(CampaignId campaignId, CampaignStatus previousStatus) {}
