package com.campaignledger.campaign.api;

/** ADAPTIVE pacing's lines per ready agent changed, and why ({@code basis}); the FIXED dialRatio stays as it was. */
public record DialRatioAdjustedEvent(CampaignId campaignId, double oldRatio, double newRatio, PacingBasis basis) {}
