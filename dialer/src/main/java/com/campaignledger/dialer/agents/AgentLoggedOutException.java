package com.campaignledger.dialer.agents;

/** A request for an agent whose session has ended (a 409). */
public class AgentLoggedOutException extends RuntimeException {

    public AgentLoggedOutException(long agentId) {
        super("Agent " + agentId + " is logged out; call back to start a new session");
    }
}
