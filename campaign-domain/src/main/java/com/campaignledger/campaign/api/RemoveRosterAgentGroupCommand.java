package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** RemoveAgentGroup: the group leaves the roster; when it is the campaign's agentGroupId, that is cleared too. */
public record RemoveRosterAgentGroupCommand(
        @TargetAggregateIdentifier CampaignId campaignId, long agentGroupId) {}
