package com.campaignledger.agent.registry.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** AddAgents (registry): a new agent of the account, enabled unless registered disabled. */
public record RegisterAgentCommand(
        @TargetAggregateIdentifier AgentId agentId, String accountId, AgentDetails details, boolean enabled) {

    /** An enabled agent, as CallFire's AddAgents makes them. */
    public RegisterAgentCommand(AgentId agentId, String accountId, AgentDetails details) {
        this(agentId, accountId, details, true);
    }
}
