package com.campaignledger.dnc.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A do-not-call list of an account. {@link #toString()} is the aggregate identifier in the event table. */
public record DncListId(long value) {

    public DncListId {
        if (value <= 0) {
            throw new IllegalArgumentException("DNC list id must be positive: " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DncListId of(long value) {
        return new DncListId(value);
    }

    @Override
    @JsonValue
    public long value() {
        return value;
    }

    @Override
    public String toString() {
        return "dnc-list-" + value;
    }
}
