package com.campaignledger.agent.registry.api;

/** A disabled agent may work again. */
public record AgentEnabledEvent(AgentId agentId) {}
