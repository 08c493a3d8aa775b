package com.campaignledger.campaign.api;

/** Every number of the campaign has a final result: the campaign is FINISHED (emitted once, by the campaign itself). */
public record CampaignFinishedEvent(CampaignId campaignId) {}
