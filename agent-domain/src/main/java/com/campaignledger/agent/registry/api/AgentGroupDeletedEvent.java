package com.campaignledger.agent.registry.api;

import java.util.List;

/** The group was deleted with these members; it leaves every roster. */
public record AgentGroupDeletedEvent(AgentGroupId groupId, String name, List<Long> agentIds) {

    public AgentGroupDeletedEvent {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }
}
