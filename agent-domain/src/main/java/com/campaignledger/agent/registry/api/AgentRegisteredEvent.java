package com.campaignledger.agent.registry.api;

/** An agent joined the account's registry, enabled. */
public record AgentRegisteredEvent(AgentId agentId, String accountId, AgentDetails details) {}
