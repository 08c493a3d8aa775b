package com.campaignledger.campaign.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** AddAgentGroups: agent groups (of the campaign's account, checked by the API) join the roster. */
public record AddRosterAgentGroupsCommand(
        @TargetAggregateIdentifier CampaignId campaignId, List<Long> agentGroupIds) {

    public AddRosterAgentGroupsCommand {
        agentGroupIds = agentGroupIds == null ? List.of() : List.copyOf(agentGroupIds);
    }
}
