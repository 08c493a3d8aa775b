package com.campaignledger.agent.registry.command;

import static com.campaignledger.agent.registry.command.RegistryRules.MAX_NAME;
import static com.campaignledger.agent.registry.command.RegistryRules.MAX_USER_ID;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.campaignledger.agent.registry.api.AgentDetails;
import com.campaignledger.agent.registry.api.AgentDisabledEvent;
import com.campaignledger.agent.registry.api.AgentEnabledEvent;
import com.campaignledger.agent.registry.api.AgentId;
import com.campaignledger.agent.registry.api.AgentInvitedEvent;
import com.campaignledger.agent.registry.api.AgentRegisteredEvent;
import com.campaignledger.agent.registry.api.AgentUpdatedEvent;
import com.campaignledger.agent.registry.api.DisableAgentCommand;
import com.campaignledger.agent.registry.api.InvalidRegistryEntryException;
import com.campaignledger.agent.registry.api.InviteAgentCommand;
import com.campaignledger.agent.registry.api.RegisterAgentCommand;
import com.campaignledger.agent.registry.api.RegistryConflictException;
import com.campaignledger.agent.registry.api.RegistryFieldChange;
import com.campaignledger.agent.registry.api.UpdateAgentCommand;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person who works campaigns, in one account's registry (seed 002's AddAgents / GetAgent / RemoveAgent).
 * Removing an agent disables it: the agent and its history stay. That {@code userId} is unique in the account
 * is not this aggregate's to know: the registry table's unique key, written in the same transaction as these
 * events, refuses a second one.
 * <p>
 * {@code version} counts the events that change what GET shows (an invite does not): it is the ETag.
 */
@Aggregate(lockFactory = "aggregateLockFactory")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Agent {

    private static final Set<String> UPDATABLE = Set.of("name", "userId", "email", "phoneNumber");

    @AggregateIdentifier
    private AgentId agentId;

    private AgentDetails details;
    private boolean enabled;
    private long version;

    protected Agent() {
        // for Axon
    }

    @CommandHandler
    Agent(RegisterAgentCommand command) {
        Objects.requireNonNull(command.accountId(), "accountId");
        requireValid(command.details());
        apply(new AgentRegisteredEvent(command.agentId(), command.accountId(), command.details()));
        if (!command.enabled()) {
            apply(new AgentDisabledEvent(command.agentId()));
        }
    }

    @CommandHandler
    long handle(UpdateAgentCommand command) {
        RegistryRules.checkVersion("Agent " + agentId.value(), command.expectedVersion(), version);
        for (String field : command.fields()) {
            if (!UPDATABLE.contains(field)) {
                throw new InvalidRegistryEntryException(field, "cannot be changed");
            }
        }
        AgentDetails sent = command.details();
        Set<String> fields = command.fields();
        AgentDetails updated = new AgentDetails(
                fields.contains("name") ? sent.name() : details.name(),
                fields.contains("userId") ? sent.userId() : details.userId(),
                fields.contains("email") ? sent.email() : details.email(),
                fields.contains("phoneNumber") ? sent.phoneNumber() : details.phoneNumber());
        requireValid(updated);
        List<RegistryFieldChange> changes = new ArrayList<>();
        change(changes, "name", details.name(), updated.name());
        change(changes, "userId", details.userId(), updated.userId());
        change(changes, "email", details.email(), updated.email());
        change(changes, "phoneNumber", details.phoneNumber(), updated.phoneNumber());
        if (!changes.isEmpty()) {
            apply(new AgentUpdatedEvent(agentId, updated, changes));
        }
        if (Boolean.TRUE.equals(command.enabled()) && !enabled) {
            apply(new AgentEnabledEvent(agentId));
        } else if (Boolean.FALSE.equals(command.enabled()) && enabled) {
            apply(new AgentDisabledEvent(agentId));
        }
        return version;
    }

    @CommandHandler
    long handle(DisableAgentCommand command) {
        RegistryRules.checkVersion("Agent " + agentId.value(), command.expectedVersion(), version);
        if (enabled) {
            apply(new AgentDisabledEvent(agentId));
        }
        return version;
    }

    @CommandHandler
    void handle(InviteAgentCommand command) {
        Objects.requireNonNull(command.inviteId(), "inviteId");
        Objects.requireNonNull(command.expiresAt(), "expiresAt");
        if (!enabled) {
            throw new RegistryConflictException("Agent " + agentId.value() + " is disabled and cannot be invited");
        }
        apply(new AgentInvitedEvent(agentId, command.campaignId(), command.inviteId(), command.expiresAt()));
    }

    private static void requireValid(AgentDetails details) {
        Objects.requireNonNull(details, "details");
        RegistryRules.requireText("name", details.name(), MAX_NAME);
        RegistryRules.requireText("userId", details.userId(), MAX_USER_ID);
        RegistryRules.requireEmail(details.email());
        RegistryRules.requirePhone(details.phoneNumber());
    }

    private static void change(List<RegistryFieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new RegistryFieldChange(field, before, after));
        }
    }

    @EventSourcingHandler
    void on(AgentRegisteredEvent event) {
        agentId = event.agentId();
        details = event.details();
        enabled = true;
        version = 1;
    }

    @EventSourcingHandler
    void on(AgentUpdatedEvent event) {
        details = event.details();
        version++;
    }

    @EventSourcingHandler
    void on(AgentDisabledEvent event) {
        enabled = false;
        version++;
    }

    @EventSourcingHandler
    void on(AgentEnabledEvent event) {
        enabled = true;
        version++;
    }
}
