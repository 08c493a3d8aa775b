package com.campaignledger.agent.registry.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** DeleteAgentGroup: the group leaves every roster; its history is kept and its name is free again. */
public record DeleteAgentGroupCommand(
        @TargetAggregateIdentifier AgentGroupId groupId, Long expectedVersion) {}
