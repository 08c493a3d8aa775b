package com.campaignledger.web.agentsession;

import com.campaignledger.registry.directory.Admission;
import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.registry.directory.AgentRegistryDirectory;
import com.campaignledger.web.RequestContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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
        requireInvitedUser(userId);
        Admission admission = registry.admission(campaignId, accountId, userId);
        switch (admission) {
            case ADMITTED -> {}
            case DISABLED ->
                throw new AgentNotAdmittedException(
                        admission, "Agent " + userId + " is disabled and cannot work campaign " + campaignId);
            case NOT_ON_ROSTER ->
                throw new AgentNotAdmittedException(
                        admission,
                        "Agent " + userId + " is not on the roster of campaign " + campaignId
                                + " (neither directly nor through an agent group)");
        }
    }

    /** A request on an invite token acts for the agent the token names only (the invite token filter). */
    private static void requireInvitedUser(String userId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object invited = request == null
                ? null
                : request.getAttribute(RequestContext.INVITED_USER_ID, RequestAttributes.SCOPE_REQUEST);
        if (invited != null
                && !AgentRegistryDirectory.key((String) invited).equals(AgentRegistryDirectory.key(userId))) {
            throw new InviteTokenMismatchException("The invite token is for another agent than " + userId);
        }
    }
}
