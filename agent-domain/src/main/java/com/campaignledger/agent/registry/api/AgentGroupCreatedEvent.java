package com.campaignledger.agent.registry.api;

/** A new agent group of the account, without members (they follow in {@link AgentGroupMembersAddedEvent}). */
public record AgentGroupCreatedEvent(AgentGroupId groupId, String accountId, String name) {}
