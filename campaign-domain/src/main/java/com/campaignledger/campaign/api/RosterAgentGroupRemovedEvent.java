package com.campaignledger.campaign.api;

/** An agent group left the campaign's roster. */
public record RosterAgentGroupRemovedEvent(CampaignId campaignId, long agentGroupId) {}
