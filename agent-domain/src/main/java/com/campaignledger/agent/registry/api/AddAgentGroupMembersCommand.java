package com.campaignledger.agent.registry.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Agents join the group; those already in it are skipped. */
public record AddAgentGroupMembersCommand(
        @TargetAggregateIdentifier AgentGroupId groupId, List<Long> agentIds, Long expectedVersion) {

    public AddAgentGroupMembersCommand {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }
}
