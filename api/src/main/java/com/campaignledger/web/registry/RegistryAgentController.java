package com.campaignledger.web.registry;

import com.campaignledger.agent.registry.api.AgentDetails;
import com.campaignledger.agent.registry.api.AgentId;
import com.campaignledger.agent.registry.api.DisableAgentCommand;
import com.campaignledger.agent.registry.api.RegisterAgentCommand;
import com.campaignledger.agent.registry.api.UpdateAgentCommand;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.PhoneNumbers;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.registry.directory.AgentView;
import com.campaignledger.registry.directory.UniqueValueTakenException;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.ETags;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Seed 002's agent registry as REST: register, query, get, update (partial, If-Match), and DELETE, which
 * disables (the agent and its history stay). userId is unique in the account: checked here for a clear
 * 409, and held under concurrency by the registry table's unique key in the events' own transaction.
 */
@RestController
@RequestMapping("/api/agents")
class RegistryAgentController {

    private static final Set<String> PATCHABLE =
            Set.of("name", "userId", "email", "phoneNumber", "enabled", "requestId");
    private static final Set<String> READ_ONLY = Set.of("id", "groupIds", "version");

    private final AgentRegistry registry;
    private final RegistryCommands commands;
    private final CommandExecutor executor;

    RegistryAgentController(AgentRegistry registry, RegistryCommands commands, CommandExecutor executor) {
        this.registry = registry;
        this.commands = commands;
        this.executor = executor;
    }

    @PostMapping
    ResponseEntity<?> register(@RequestBody RegistryRequests.RegisterAgent body, CommandRequest command) {
        AgentDetails details = new AgentDetails(body.name(), body.userId(), body.email(), phone(body.phoneNumber()));
        return executor.execute(command, body.requestId(), body, context -> {
            requireUserIdFree(context.accountId(), details.userId(), null);
            AgentId id = AgentId.of(registry.nextAgentId());
            executor.send(
                    context,
                    new RegisterAgentCommand(id, context.accountId(), details, !Boolean.FALSE.equals(body.enabled())));
            AgentView view = require(context.accountId(), id.value());
            return ResponseEntity.created(URI.create("/api/agents/" + id.value()))
                    .eTag(ETags.of(view.version()))
                    .body(view);
        });
    }

    @GetMapping
    RegistryResponses.Page<AgentView> query(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String userId,
            @RequestParam(required = false) Long groupId,
            @RequestParam(required = false) Boolean enabled,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            RequestContext context) {
        commands.checkPage(page, size);
        return RegistryResponses.Page.of(
                registry.agents(context.accountId(), name, userId, groupId, enabled, page, size), page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<AgentView> get(@PathVariable long id, RequestContext context) {
        AgentView view = require(context.accountId(), id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<?> update(
            @PathVariable long id,
            @RequestBody JsonNode body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ETags.expectedVersion(ifMatch);
        Patch patch = readPatch(body);
        return executor.execute(command, patch.requestId(), body, context -> {
            require(context.accountId(), id);
            if (patch.fields().contains("userId") && patch.details().userId() != null) {
                requireUserIdFree(context.accountId(), patch.details().userId(), id);
            }
            executor.send(
                    context,
                    new UpdateAgentCommand(AgentId.of(id), patch.details(), patch.fields(), patch.enabled(), expected));
            AgentView view = require(context.accountId(), id);
            return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
        });
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> disable(
            @PathVariable long id,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ETags.expectedVersion(ifMatch);
        return executor.execute(command, null, null, context -> {
            require(context.accountId(), id);
            long version = executor.send(context, new DisableAgentCommand(AgentId.of(id), expected));
            return ResponseEntity.noContent().eTag(ETags.of(version)).build();
        });
    }

    private AgentView require(String accountId, long id) {
        return registry.agent(accountId, id).orElseThrow(() -> new ResourceNotFoundException("No agent " + id));
    }

    private void requireUserIdFree(String accountId, String userId, Long self) {
        if (userId == null || userId.isBlank()) {
            return; // the aggregate names the missing userId
        }
        registry.agentByUserId(accountId, userId)
                .filter(other -> self == null || other.id() != self)
                .ifPresent(other -> {
                    throw new UniqueValueTakenException(
                            "userId",
                            "userId " + userId + " is already registered to agent " + other.id() + " in this account");
                });
    }

    private static String phone(String input) {
        if (input == null) {
            return null;
        }
        return PhoneNumbers.toE164(input)
                .orElseThrow(() -> new RequestValidationException("phoneNumber", "is not a valid phone number"));
    }

    private record Patch(AgentDetails details, Set<String> fields, Boolean enabled, String requestId) {}

    /** Which fields were sent, and as what: a partial update must tell "not sent" from "sent as null". */
    private static Patch readPatch(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RequestValidationException("body", "must be a JSON object");
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        Map<String, String> values = new java.util.HashMap<>();
        Boolean enabled = null;
        String requestId = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (READ_ONLY.contains(name)) {
                violations.add(new Violation(name, "is read-only"));
            } else if (!PATCHABLE.contains(name)) {
                violations.add(new Violation(name, "is not a known field"));
            } else if (name.equals("enabled")) {
                if (!value.isBoolean()) {
                    violations.add(new Violation(name, "must be true or false"));
                } else {
                    enabled = value.booleanValue();
                }
            } else if (!value.isNull() && !value.isTextual()) {
                violations.add(new Violation(name, "must be a string"));
            } else if (name.equals("requestId")) {
                requestId = value.isNull() ? null : value.textValue();
            } else {
                fields.add(name);
                values.put(name, value.isNull() ? null : value.textValue());
            }
        }
        String phone = values.get("phoneNumber");
        if (phone != null) {
            phone = PhoneNumbers.toE164(phone).orElse(null);
            if (phone == null) {
                violations.add(new Violation("phoneNumber", "is not a valid phone number"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return new Patch(
                new AgentDetails(values.get("name"), values.get("userId"), values.get("email"), phone),
                fields,
                enabled,
                requestId);
    }
}
