package com.campaignledger.campaign.api;

/** The lines dialled per ready agent changed. */
public record DialRatioUpdatedEvent(CampaignId campaignId, double oldRatio, double newRatio) {}
