package com.campaignledger.agent.registry.api;

/** An agent left the group. */
public record AgentGroupMemberRemovedEvent(AgentGroupId groupId, long agentId) {}
