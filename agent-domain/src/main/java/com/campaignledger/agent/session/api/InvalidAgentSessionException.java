package com.campaignledger.agent.session.api;

/** A command's value breaks the agent session's rules (a 400 naming the field). */
public final class InvalidAgentSessionException extends AgentSessionRuleException {

    private final String field;

    public InvalidAgentSessionException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    /** The offending field, by its JSON name ({@code phoneNumber}, {@code agentNotes}). */
    public String field() {
        return field;
    }
}
