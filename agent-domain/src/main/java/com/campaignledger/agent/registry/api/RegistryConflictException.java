package com.campaignledger.agent.registry.api;

/** The command conflicts with the entry's state, e.g. inviting a disabled agent (a 409). */
public final class RegistryConflictException extends RegistryRuleException {

    public RegistryConflictException(String message) {
        super(message);
    }
}
