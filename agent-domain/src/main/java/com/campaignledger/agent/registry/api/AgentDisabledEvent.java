package com.campaignledger.agent.registry.api;

/** The agent can no longer call back or log in; its invites stop working. */
public record AgentDisabledEvent(AgentId agentId) {}
