package com.campaignledger.campaign.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** AddAgents: registry agents (of the campaign's account, checked by the API) join the roster; those on it are skipped. */
public record AddRosterAgentsCommand(
        @TargetAggregateIdentifier CampaignId campaignId, List<Long> agentIds) {

    public AddRosterAgentsCommand {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }
}
