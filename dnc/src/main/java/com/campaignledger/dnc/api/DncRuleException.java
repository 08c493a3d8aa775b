package com.campaignledger.dnc.api;

/** A DNC command refused by a rule (a 409 when {@code conflict}, else a 400 naming {@code field}). */
public class DncRuleException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    public DncRuleException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public String field() {
        return field;
    }

    public boolean conflict() {
        return conflict;
    }
}
