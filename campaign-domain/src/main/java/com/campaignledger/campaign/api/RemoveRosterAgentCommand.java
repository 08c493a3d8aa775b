package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** RemoveAgent: the agent leaves the roster; if logged in, it is logged out after its current call. */
public record RemoveRosterAgentCommand(
        @TargetAggregateIdentifier CampaignId campaignId, long agentId) {}
