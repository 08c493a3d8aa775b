package com.campaignledger.agent.registry.api;

import java.util.List;

/** An agent's details changed: all of them as they are now, and each changed field. */
public record AgentUpdatedEvent(AgentId agentId, AgentDetails details, List<RegistryFieldChange> changes) {

    public AgentUpdatedEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
