package com.campaignledger.agent.registry.api;

/** A value breaks the registry's rules (a 400 naming the field). */
public final class InvalidRegistryEntryException extends RegistryRuleException {

    private final String field;
    private final String reason;

    public InvalidRegistryEntryException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The offending field by its JSON name. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
