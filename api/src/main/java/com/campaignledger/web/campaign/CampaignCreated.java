package com.campaignledger.web.campaign;

/** What CreateCccCampaign answers: the id the ledger assigned. */
public record CampaignCreated(long id) {}
