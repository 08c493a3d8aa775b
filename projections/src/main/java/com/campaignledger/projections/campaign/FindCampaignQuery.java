package com.campaignledger.projections.campaign;

/** GetCccCampaign: one campaign of an account, as it is now. */
public record FindCampaignQuery(long campaignId, String accountId) {}
