package com.campaignledger.agent.session.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The agent id that sendAgentCallBack issues and the phone call recites; it names one agent session on
 * one campaign. {@link #toString()} is the aggregate identifier in the shared event table.
 */
public record AgentSessionId(long value) {

    private static final String PREFIX = "agent-session-";

    public AgentSessionId {
        if (value <= 0) {
            throw new IllegalArgumentException("agent id must be positive: " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AgentSessionId of(long value) {
        return new AgentSessionId(value);
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
