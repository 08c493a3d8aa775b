package com.campaignledger.agent.registry.api;

/** The command names something that is not there, e.g. an agent that is not a member of the group (a 404). */
public final class RegistryEntryNotFoundException extends RegistryRuleException {

    public RegistryEntryNotFoundException(String message) {
        super(message);
    }
}
