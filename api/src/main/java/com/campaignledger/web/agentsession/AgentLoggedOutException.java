package com.campaignledger.web.agentsession;

/** A request for an agent whose session has ended (a 409). */
public class AgentLoggedOutException extends RuntimeException {

    AgentLoggedOutException(long agentId) {
        super("Agent " + agentId + " is logged out; call back to start a new session");
    }
}
