package com.campaignledger.web.registry;

import com.campaignledger.agent.registry.api.AddAgentGroupMembersCommand;
import com.campaignledger.agent.registry.api.AgentGroupId;
import com.campaignledger.agent.registry.api.CreateAgentGroupCommand;
import com.campaignledger.agent.registry.api.DeleteAgentGroupCommand;
import com.campaignledger.agent.registry.api.RemoveAgentGroupMemberCommand;
import com.campaignledger.agent.registry.api.RenameAgentGroupCommand;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.registry.directory.AgentGroupView;
import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.registry.directory.UniqueValueTakenException;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.ETags;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 002's agent groups as REST: create, query, get, rename (PATCH), delete (it leaves every roster; its
 * history stays) and members. The name is unique in the account, held like the agents' userId.
 */
@RestController
@RequestMapping("/api/agent-groups")
class AgentGroupController {

    private final AgentRegistry registry;
    private final RegistryCommands commands;
    private final CommandExecutor executor;

    AgentGroupController(AgentRegistry registry, RegistryCommands commands, CommandExecutor executor) {
        this.registry = registry;
        this.commands = commands;
        this.executor = executor;
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody RegistryRequests.CreateGroup body, CommandRequest command) {
        List<Long> members = body.agentIds() == null ? List.of() : body.agentIds();
        return executor.execute(command, body.requestId(), body, context -> {
            if (!members.isEmpty()) {
                RegistryCommands.requireIds("agentIds", members);
                RegistryCommands.requireKnown(
                        "agentIds", "agent", members, registry.existingAgents(context.accountId(), members));
            }
            requireNameFree(context.accountId(), body.name(), null);
            AgentGroupId id = AgentGroupId.of(registry.nextGroupId());
            executor.send(context, new CreateAgentGroupCommand(id, context.accountId(), body.name(), members));
            AgentGroupView view = require(context.accountId(), id.value());
            return ResponseEntity.created(URI.create("/api/agent-groups/" + id.value()))
                    .eTag(ETags.of(view.version()))
                    .body(view);
        });
    }

    @GetMapping
    RegistryResponses.Page<AgentGroupView> query(
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            RequestContext context) {
        commands.checkPage(page, size);
        return RegistryResponses.Page.of(registry.groups(context.accountId(), name, page, size), page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<AgentGroupView> get(@PathVariable long id, RequestContext context) {
        AgentGroupView view = require(context.accountId(), id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<?> rename(
            @PathVariable long id,
            @RequestBody JsonNode body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ETags.expectedVersion(ifMatch);
        Rename rename = readRename(body);
        return executor.execute(command, rename.requestId(), body, context -> {
            AgentGroupView current = require(context.accountId(), id);
            if (rename.name() == null) {
                return ResponseEntity.ok().eTag(ETags.of(current.version())).body(current);
            }
            requireNameFree(context.accountId(), rename.name(), id);
            executor.send(context, new RenameAgentGroupCommand(AgentGroupId.of(id), rename.name(), expected));
            AgentGroupView view = require(context.accountId(), id);
            return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
        });
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> delete(
            @PathVariable long id,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ETags.expectedVersion(ifMatch);
        return executor.execute(command, null, null, context -> {
            require(context.accountId(), id);
            executor.send(context, new DeleteAgentGroupCommand(AgentGroupId.of(id), expected));
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/{id}/agents")
    ResponseEntity<?> addMembers(
            @PathVariable long id,
            @RequestBody RegistryRequests.AgentIds body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ETags.expectedVersion(ifMatch);
        List<Long> ids = RegistryCommands.requireIds("agentIds", body.agentIds());
        return executor.execute(command, body.requestId(), body, context -> {
            require(context.accountId(), id);
            RegistryCommands.requireKnown("agentIds", "agent", ids, registry.existingAgents(context.accountId(), ids));
            executor.send(context, new AddAgentGroupMembersCommand(AgentGroupId.of(id), ids, expected));
            AgentGroupView view = require(context.accountId(), id);
            return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
        });
    }

    @DeleteMapping("/{id}/agents/{agentId}")
    ResponseEntity<?> removeMember(
            @PathVariable long id,
            @PathVariable long agentId,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ETags.expectedVersion(ifMatch);
        return executor.execute(command, null, null, context -> {
            require(context.accountId(), id);
            executor.send(context, new RemoveAgentGroupMemberCommand(AgentGroupId.of(id), agentId, expected));
            AgentGroupView view = require(context.accountId(), id);
            return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
        });
    }

    private AgentGroupView require(String accountId, long id) {
        return registry.group(accountId, id).orElseThrow(() -> new ResourceNotFoundException("No agent group " + id));
    }

    private void requireNameFree(String accountId, String name, Long self) {
        if (name == null || name.isBlank()) {
            return; // the aggregate names the missing name
        }
        registry.groupByName(accountId, name)
                .filter(other -> self == null || other.id() != self)
                .ifPresent(other -> {
                    throw new UniqueValueTakenException(
                            "name", "Agent group " + other.id() + " of this account is already named " + other.name());
                });
    }

    private record Rename(String name, String requestId) {}

    /** A rename body: only name and requestId exist, each a string. */
    private static Rename readRename(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RequestValidationException("body", "must be a JSON object");
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (!name.equals("name") && !name.equals("requestId")) {
                violations.add(new Violation(
                        name,
                        Set.of("id", "agentIds", "version").contains(name) ? "is read-only" : "is not a known field"));
            } else if (!field.getValue().isTextual()) {
                violations.add(new Violation(name, "must be a string"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return new Rename(body.path("name").textValue(), body.path("requestId").textValue());
    }
}
