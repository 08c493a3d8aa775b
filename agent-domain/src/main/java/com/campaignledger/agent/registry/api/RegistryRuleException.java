package com.campaignledger.agent.registry.api;

/** A command broke a rule of the agent registry; the API turns each kind into its own HTTP status. */
public abstract sealed class RegistryRuleException extends RuntimeException
        permits InvalidRegistryEntryException,
                RegistryVersionMismatchException,
                RegistryEntryNotFoundException,
                RegistryConflictException {

    protected RegistryRuleException(String message) {
        super(message);
    }
}
