package com.campaignledger.registry;

/** A userId or group name another agent or group of the account already holds (a 409 naming the field). */
class UniqueValueTakenException extends RuntimeException {

    private final String field;

    UniqueValueTakenException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
