package com.campaignledger.campaign.api;

/** The campaign was stopped by a back office: RUNNING to STOPPED. */
public record CampaignStoppedEvent(CampaignId campaignId, CampaignStatus previousStatus) {}
