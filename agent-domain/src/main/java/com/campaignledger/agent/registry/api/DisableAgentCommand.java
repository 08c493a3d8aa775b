package com.campaignledger.agent.registry.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** RemoveAgent (registry): the agent stays with its history but can no longer call back or log in. */
public record DisableAgentCommand(@TargetAggregateIdentifier AgentId agentId, Long expectedVersion) {}
