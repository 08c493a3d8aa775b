package com.campaignledger.registry;

import com.campaignledger.projections.registry.Admission;
import com.campaignledger.projections.registry.AgentRegistry;
import org.springframework.stereotype.Component;

/**
 * Checked before a callback or a login writes anything: a disabled agent never gets in, and with a non-empty
 * roster only enabled agents on it (directly or through a group) do.
 */
@Component
public class RosterGate {

    private final AgentRegistry registry;

    RosterGate(AgentRegistry registry) {
        this.registry = registry;
    }

    public void requireAdmitted(long campaignId, String accountId, String userId) {
        if (userId == null || userId.isBlank()) {
            return; // the request's own validation names the missing userId
        }
        Admission admission = registry.admission(campaignId, accountId, userId);
        switch (admission) {
            case ADMITTED -> {
            }
            case DISABLED -> throw new AgentNotAdmittedException(admission,
                    "Agent " + userId + " is disabled and cannot work campaign " + campaignId);
            case NOT_ON_ROSTER -> throw new AgentNotAdmittedException(admission,
                    "Agent " + userId + " is not on the roster of campaign " + campaignId
                            + " (neither directly nor through an agent group)");
        }
    }
}
