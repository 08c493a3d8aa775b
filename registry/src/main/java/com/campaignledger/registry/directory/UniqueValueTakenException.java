package com.campaignledger.registry.directory;

/** A userId or group name another agent or group of the account already holds (a 409 naming the field). */
public class UniqueValueTakenException extends RuntimeException {

    private final String field;

    public UniqueValueTakenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
