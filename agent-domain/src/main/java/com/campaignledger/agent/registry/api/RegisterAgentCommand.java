package com.campaignledger.agent.registry.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** AddAgents (registry): a new agent of the account, enabled. */
public record RegisterAgentCommand(
        @TargetAggregateIdentifier AgentId agentId, String accountId, AgentDetails details) {}
