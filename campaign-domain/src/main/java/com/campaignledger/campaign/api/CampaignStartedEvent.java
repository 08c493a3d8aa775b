package com.campaignledger.campaign.api;

/** The campaign went RUNNING (from SETUP, or again from STOPPED). */
public record CampaignStartedEvent(CampaignId campaignId, CampaignStatus previousStatus) {}
