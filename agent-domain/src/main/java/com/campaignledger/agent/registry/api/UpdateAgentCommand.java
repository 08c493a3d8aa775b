package com.campaignledger.agent.registry.api;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A partial update: only the fields named in {@code fields} ({@code name}, {@code userId}, {@code email},
 * {@code phoneNumber}) take their value from {@code details}; {@code enabled}, when not null, enables or
 * disables. {@code expectedVersion}, when given, must be the agent's current version (HTTP If-Match).
 */
public record UpdateAgentCommand(
        @TargetAggregateIdentifier AgentId agentId,
        AgentDetails details,
        Set<String> fields,
        Boolean enabled,
        Long expectedVersion) {

    public UpdateAgentCommand {
        fields = fields == null ? Set.of() : Set.copyOf(fields);
    }
}
