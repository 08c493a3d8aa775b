package com.campaignledger.agent.registry.api;

/**
 * What the registry knows of an agent: {@code userId} is the login name given in loginAgent (unique in the
 * account, compared without case), {@code phoneNumber} is E.164, {@code email} and {@code phoneNumber} are optional.
 */
public record AgentDetails(String name, String userId, String email, String phoneNumber) {}
