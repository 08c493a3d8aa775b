package com.campaignledger.agent.session.api;

/** The command conflicts with the session's state or with what was stored before (a 409). */
public final class AgentSessionConflictException extends AgentSessionRuleException {

    private final AgentState state;

    public AgentSessionConflictException(AgentState state, String message) {
        super(message);
        this.state = state;
    }

    public AgentState state() {
        return state;
    }
}
