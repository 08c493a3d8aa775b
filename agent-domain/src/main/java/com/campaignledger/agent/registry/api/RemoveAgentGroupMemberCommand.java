package com.campaignledger.agent.registry.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agent leaves the group. */
public record RemoveAgentGroupMemberCommand(
        @TargetAggregateIdentifier AgentGroupId groupId, long agentId, Long expectedVersion) {}
