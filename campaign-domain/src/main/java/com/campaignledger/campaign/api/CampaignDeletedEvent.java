package com.campaignledger.campaign.api;

/** The campaign was deleted; its history stays in the ledger. */
public record CampaignDeletedEvent(CampaignId campaignId, CampaignStatus previousStatus) {}
