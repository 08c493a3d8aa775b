package com.campaignledger.web.agentsession;

import com.campaignledger.registry.directory.Admission;

/** An agent may not call back or log in to a campaign (a 403 naming the reason). */
public class AgentNotAdmittedException extends RuntimeException {

    private final Admission reason;

    AgentNotAdmittedException(Admission reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Admission reason() {
        return reason;
    }
}
