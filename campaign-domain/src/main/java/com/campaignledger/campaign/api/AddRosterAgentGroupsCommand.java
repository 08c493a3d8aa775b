package com.campaignledger.campaign.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** AddAgentGroups: agent groups (of the campaign's account, checked by the API) join the roster. */
public record AddRosterAgentGroupsCommand(@TargetAggregateIdentifier CampaignId campaignId, List<Long> agentGroupIds) {

    public AddRosterAgentGroupsCommand {
        agentGroupIds = agentGroupIds == null ? List.of() : List.copyOf(agentGroupIds);
    }
}
