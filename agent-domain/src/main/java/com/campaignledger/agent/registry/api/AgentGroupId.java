package com.campaignledger.agent.registry.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an agent group of an account. {@link #toString()} is the aggregate identifier in the shared
 * event table.
 */
public record AgentGroupId(long value) {

    private static final String PREFIX = "agent-group-";

    public AgentGroupId {
        if (value <= 0) {
            throw new IllegalArgumentException("agent group id must be positive: " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AgentGroupId of(long value) {
        return new AgentGroupId(value);
    }

    @Override
    @JsonValue
    public long value() {
        return value;
    }

    @Override
    public String toString() {
        return PREFIX + value;
    }
}
