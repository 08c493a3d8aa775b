package com.campaignledger.agent.registry.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an agent in an account's registry (a person who works campaigns), not the agent id a callback
 * recites, which names one session. {@link #toString()} is the aggregate identifier in the shared event table.
 */
public record AgentId(long value) {

    private static final String PREFIX = "agent-";

    public AgentId {
        if (value <= 0) {
            throw new IllegalArgumentException("agent id must be positive: " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AgentId of(long value) {
        return new AgentId(value);
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
