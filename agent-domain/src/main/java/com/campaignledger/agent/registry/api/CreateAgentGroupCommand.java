package com.campaignledger.agent.registry.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CreateAgentGroup, optionally with its first members. */
public record CreateAgentGroupCommand(
        @TargetAggregateIdentifier AgentGroupId groupId, String accountId, String name, List<Long> agentIds) {

    public CreateAgentGroupCommand {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }
}
