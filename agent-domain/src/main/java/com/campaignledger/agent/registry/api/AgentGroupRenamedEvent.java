package com.campaignledger.agent.registry.api;

/** The group has a new name; campaigns staffed by it show the new one. */
public record AgentGroupRenamedEvent(AgentGroupId groupId, String oldName, String name) {}
