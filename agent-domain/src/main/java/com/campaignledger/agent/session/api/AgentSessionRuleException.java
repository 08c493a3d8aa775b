package com.campaignledger.agent.session.api;

/** A command broke a rule of the agent session; the API turns each kind into its own HTTP status. */
public abstract sealed class AgentSessionRuleException extends RuntimeException
        permits AgentSessionConflictException, AgentSessionNotFoundException, InvalidAgentSessionException {

    protected AgentSessionRuleException(String message) {
        super(message);
    }
}
