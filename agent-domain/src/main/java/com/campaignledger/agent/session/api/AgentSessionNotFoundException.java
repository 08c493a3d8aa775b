package com.campaignledger.agent.session.api;

/** The agent id names no session of this campaign (a 404). */
public final class AgentSessionNotFoundException extends AgentSessionRuleException {

    public AgentSessionNotFoundException(AgentSessionId sessionId, long campaignId) {
        super("No agent " + sessionId.value() + " on campaign " + campaignId);
    }
}
