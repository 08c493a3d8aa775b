package com.campaignledger.campaign.api;

/** An agent left the campaign's roster. */
public record RosterAgentRemovedEvent(CampaignId campaignId, long agentId) {}
