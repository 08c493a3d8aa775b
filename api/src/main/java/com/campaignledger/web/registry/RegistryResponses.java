package com.campaignledger.web.registry;

import com.campaignledger.registry.directory.AgentGroupView;
import com.campaignledger.registry.directory.AgentView;
import com.campaignledger.registry.directory.RegistryPage;
import java.time.Instant;
import java.util.List;

/** Response bodies of the registry, roster and invite endpoints. */
final class RegistryResponses {

    private RegistryResponses() {}

    /** One page with the totals a client needs to page on. */
    record Page<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

        static <T> Page<T> of(RegistryPage<T> result, int page, int size) {
            return new Page<>(
                    result.content(), page, size, result.totalElements(), (result.totalElements() + size - 1) / size);
        }
    }

    /** GetAgents / GetAgentGroups: who may work the campaign. Empty lists: anyone may. */
    record Roster(long campaignId, List<AgentView> agents, List<AgentGroupView> agentGroups) {}

    /** SendAgentInvites' answer: one invite per agent. */
    record InvitesSent(long campaignId, List<InviteSent> invites) {}

    record InviteSent(long agentId, Instant expiresAt) {}

    /** GetAgentInviteUri. */
    record InviteUri(String uri, Instant expiresAt) {}

    /** The invite an agent console was opened with: the campaign and the agent it is for. */
    record Invitation(
            long campaignId,
            String campaignName,
            long agentId,
            String name,
            String userId,
            String phoneNumber,
            Instant expiresAt) {}
}
