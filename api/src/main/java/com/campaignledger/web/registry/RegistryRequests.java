package com.campaignledger.web.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Request bodies of the registry, roster and invite endpoints (unknown fields are refused). */
final class RegistryRequests {

    private RegistryRequests() {}

    @Schema(name = "AgentRegistration", description = "A new agent of the account (seed 002's AddAgents)")
    record RegisterAgent(
            @Schema(description = "1-200 characters", example = "Ann Smith")
            String name,

            @Schema(
                    description = "The login name given in loginAgent; unique in the account, compared without case",
                    example = "ann@example.com")
            String userId,

            @Schema(example = "ann@example.com") String email,

            @Schema(description = "Any common spelling; stored as E.164", example = "+1 (646) 555-0101")
            String phoneNumber,

            @Schema(description = "false registers the agent disabled; true when left out", example = "true")
            Boolean enabled,

            @Schema(description = "CallFire's RequestId: an idempotency key")
            String requestId) {}

    @Schema(name = "AgentGroupCreation", description = "A new agent group, optionally with members")
    record CreateGroup(
            @Schema(description = "1-200 characters, unique in the account", example = "Team A")
            String name,

            List<Long> agentIds,
            String requestId) {}

    @Schema(name = "AgentIds")
    record AgentIds(List<Long> agentIds, String requestId) {}

    @Schema(name = "AgentGroupIds")
    record AgentGroupIds(List<Long> agentGroupIds, String requestId) {}

    @Schema(name = "AgentInvites", description = "The agents to invite: listed, and every enabled member of the groups")
    record Invites(List<Long> agentIds, List<Long> agentGroupIds, String requestId) {}
}
