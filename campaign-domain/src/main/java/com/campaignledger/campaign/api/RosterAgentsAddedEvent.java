package com.campaignledger.campaign.api;

import java.util.List;

/** Registry agents joined the campaign's roster. */
public record RosterAgentsAddedEvent(CampaignId campaignId, List<Long> agentIds) {

    public RosterAgentsAddedEvent {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }
}
