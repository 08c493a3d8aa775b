package com.campaignledger.agent.registry.api;

import java.util.List;

/** Agents joined the group (only those not in it before). */
public record AgentGroupMembersAddedEvent(AgentGroupId groupId, List<Long> agentIds) {

    public AgentGroupMembersAddedEvent {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }
}
