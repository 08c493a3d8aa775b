package com.campaignledger.agent.registry.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** UpdateAgentGroup: a new name (unique in the account). */
public record RenameAgentGroupCommand(
        @TargetAggregateIdentifier AgentGroupId groupId, String name, Long expectedVersion) {}
