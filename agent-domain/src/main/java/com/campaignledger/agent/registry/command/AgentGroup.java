package com.campaignledger.agent.registry.command;

import static com.campaignledger.agent.registry.command.RegistryRules.MAX_NAME;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.campaignledger.agent.registry.api.AddAgentGroupMembersCommand;
import com.campaignledger.agent.registry.api.AgentGroupCreatedEvent;
import com.campaignledger.agent.registry.api.AgentGroupDeletedEvent;
import com.campaignledger.agent.registry.api.AgentGroupId;
import com.campaignledger.agent.registry.api.AgentGroupMemberRemovedEvent;
import com.campaignledger.agent.registry.api.AgentGroupMembersAddedEvent;
import com.campaignledger.agent.registry.api.AgentGroupRenamedEvent;
import com.campaignledger.agent.registry.api.CreateAgentGroupCommand;
import com.campaignledger.agent.registry.api.DeleteAgentGroupCommand;
import com.campaignledger.agent.registry.api.InvalidRegistryEntryException;
import com.campaignledger.agent.registry.api.RegistryEntryNotFoundException;
import com.campaignledger.agent.registry.api.RemoveAgentGroupMemberCommand;
import com.campaignledger.agent.registry.api.RenameAgentGroupCommand;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An account's agent group (seed 002's CreateAgentGroup / UpdateAgentGroup / DeleteAgentGroup) and its
 * members. Members are registry agent ids the API has checked belong to the same account. Like the agent's
 * userId, the name's uniqueness is held by the registry table's unique key in the same transaction.
 */
@Aggregate(lockFactory = "aggregateLockFactory")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class AgentGroup {

    @AggregateIdentifier
    private AgentGroupId groupId;

    private String name;
    private Set<Long> members;
    private long version;

    protected AgentGroup() {
        // for Axon
    }

    @CommandHandler
    AgentGroup(CreateAgentGroupCommand command) {
        Objects.requireNonNull(command.accountId(), "accountId");
        RegistryRules.requireText("name", command.name(), MAX_NAME);
        requireAgentIds(command.agentIds());
        apply(new AgentGroupCreatedEvent(command.groupId(), command.accountId(), command.name()));
        List<Long> first = List.copyOf(new LinkedHashSet<>(command.agentIds()));
        if (!first.isEmpty()) {
            apply(new AgentGroupMembersAddedEvent(command.groupId(), first));
        }
    }

    @CommandHandler
    long handle(RenameAgentGroupCommand command) {
        checkVersion(command.expectedVersion());
        RegistryRules.requireText("name", command.name(), MAX_NAME);
        if (!command.name().equals(name)) {
            apply(new AgentGroupRenamedEvent(groupId, name, command.name()));
        }
        return version;
    }

    @CommandHandler
    long handle(AddAgentGroupMembersCommand command) {
        checkVersion(command.expectedVersion());
        requireAgentIds(command.agentIds());
        if (command.agentIds().isEmpty()) {
            throw new InvalidRegistryEntryException("agentIds", "must name at least one agent");
        }
        List<Long> added = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(command.agentIds())) {
            if (!members.contains(id)) {
                added.add(id);
            }
        }
        if (!added.isEmpty()) {
            apply(new AgentGroupMembersAddedEvent(groupId, added));
        }
        return version;
    }

    @CommandHandler
    long handle(RemoveAgentGroupMemberCommand command) {
        checkVersion(command.expectedVersion());
        if (!members.contains(command.agentId())) {
            throw new RegistryEntryNotFoundException(
                    "Agent " + command.agentId() + " is not a member of group " + groupId.value());
        }
        apply(new AgentGroupMemberRemovedEvent(groupId, command.agentId()));
        return version;
    }

    @CommandHandler
    long handle(DeleteAgentGroupCommand command) {
        checkVersion(command.expectedVersion());
        apply(new AgentGroupDeletedEvent(groupId, name, List.copyOf(members)));
        return version;
    }

    private void checkVersion(Long expected) {
        RegistryRules.checkVersion("Agent group " + groupId.value(), expected, version);
    }

    private static void requireAgentIds(List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || ids.get(i) <= 0) {
                throw new InvalidRegistryEntryException("agentIds[" + i + "]", "must be a positive agent id");
            }
        }
    }

    @EventSourcingHandler
    void on(AgentGroupCreatedEvent event) {
        groupId = event.groupId();
        name = event.name();
        members = new LinkedHashSet<>();
        version = 1;
    }

    @EventSourcingHandler
    void on(AgentGroupRenamedEvent event) {
        name = event.name();
        version++;
    }

    @EventSourcingHandler
    void on(AgentGroupMembersAddedEvent event) {
        members.addAll(event.agentIds());
        version++;
    }

    @EventSourcingHandler
    void on(AgentGroupMemberRemovedEvent event) {
        members.remove(event.agentId());
        version++;
    }

    @EventSourcingHandler
    void on(AgentGroupDeletedEvent event) {
        version++;
        markDeleted();
    }
}
