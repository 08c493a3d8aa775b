package com.campaignledger.campaign.api;

import java.util.List;

/** Agent groups joined the campaign's roster. */
public record RosterAgentGroupsAddedEvent(CampaignId campaignId, List<Long> agentGroupIds) {

    public RosterAgentGroupsAddedEvent {
        agentGroupIds = agentGroupIds == null ? List.of() : List.copyOf(agentGroupIds);
    }
}
