package com.campaignledger.campaign.api;

/** A campaign was created in SETUP with these settings, in this account. */
public record CampaignCreatedEvent(CampaignId campaignId, String accountId, CampaignSettings settings) {}
