package com.campaignledger.web.registry;

import com.campaignledger.agent.registry.api.AgentId;
import com.campaignledger.agent.registry.api.InviteAgentCommand;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.registry.directory.AgentView;
import com.campaignledger.registry.directory.InviteView;
import com.campaignledger.registry.invite.InviteTokens;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SendAgentInvites and GetAgentInviteUri: one invite per agent, each an event on the agent with its actor; and, for
 * the agent console opened with an invite link, whom and which campaign the link's token is for.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}")
class InviteController {

    private final CampaignLookup campaigns;
    private final AgentRegistry registry;
    private final RegistryCommands commands;
    private final CommandExecutor executor;
    private final InviteTokens tokens;
    private final TransactionTemplate transactions;

    InviteController(
            CampaignLookup campaigns,
            AgentRegistry registry,
            RegistryCommands commands,
            CommandExecutor executor,
            InviteTokens tokens,
            TransactionTemplate transactions) {
        this.campaigns = campaigns;
        this.registry = registry;
        this.commands = commands;
        this.executor = executor;
        this.tokens = tokens;
        this.transactions = transactions;
    }

    @PostMapping("/invites")
    ResponseEntity<?> send(
            @PathVariable long campaignId, @RequestBody RegistryRequests.Invites body, CommandRequest command) {
        String account = command.context().accountId();
        campaigns.require(campaignId, account);
        List<Long> agentIds = body.agentIds() == null ? List.of() : body.agentIds();
        List<Long> groupIds = body.agentGroupIds() == null ? List.of() : body.agentGroupIds();
        if (agentIds.isEmpty() && groupIds.isEmpty()) {
            throw new RequestValidationException("agentIds", "name at least one agent or agent group (agentGroupIds)");
        }
        if (!agentIds.isEmpty()) {
            RegistryCommands.requireIds("agentIds", agentIds);
            RegistryCommands.requireKnown("agentIds", "agent", agentIds, registry.existingAgents(account, agentIds));
            for (int i = 0; i < agentIds.size(); i++) {
                AgentView agent = registry.agent(account, agentIds.get(i)).orElseThrow();
                if (!agent.enabled()) {
                    throw new RequestValidationException("agentIds[" + i + "]", "agent " + agent.id() + " is disabled");
                }
            }
        }
        if (!groupIds.isEmpty()) {
            RegistryCommands.requireIds("agentGroupIds", groupIds);
            RegistryCommands.requireKnown(
                    "agentGroupIds", "agent group", groupIds, registry.existingGroups(account, groupIds));
        }
        Set<Long> invited = new LinkedHashSet<>(agentIds);
        invited.addAll(registry.enabledMembers(account, groupIds));
        return executor.execute(command, body.requestId(), body, context -> {
            Instant expiresAt = tokens.expiryFromNow();
            List<RegistryResponses.InviteSent> sent = new ArrayList<>();
            // All invites or none: one transaction for every agent's event.
            transactions.executeWithoutResult(tx -> {
                for (Long agent : invited) {
                    executor.send(
                            context,
                            new InviteAgentCommand(
                                    AgentId.of(agent),
                                    campaignId,
                                    UUID.randomUUID().toString(),
                                    expiresAt));
                    sent.add(new RegistryResponses.InviteSent(agent, expiresAt));
                }
            });
            return ResponseEntity.ok(new RegistryResponses.InvitesSent(campaignId, sent));
        });
    }

    @GetMapping("/invites/{agentId}")
    RegistryResponses.InviteUri uri(@PathVariable long campaignId, @PathVariable long agentId, RequestContext context) {
        String account = context.accountId();
        campaigns.require(campaignId, account);
        InviteView invite = registry.invite(campaignId, agentId)
                .filter(i -> i.accountId().equals(account))
                .orElseThrow(() ->
                        new ResourceNotFoundException("Agent " + agentId + " has no invite to campaign " + campaignId));
        if (invite.revoked()) {
            throw new ResourceNotFoundException("The invite of agent " + agentId + " to campaign " + campaignId
                    + " was revoked (agent disabled or taken off the roster); send a new one");
        }
        return new RegistryResponses.InviteUri(tokens.uri(invite), invite.expiresAt());
    }

    @GetMapping("/agents/invitation")
    RegistryResponses.Invitation invitation(
            @PathVariable long campaignId, RequestContext context, HttpServletRequest request) {
        String account = context.accountId();
        CampaignView campaign = campaigns.require(campaignId, account);
        AgentView agent = Optional.ofNullable((String) request.getAttribute(RequestContext.INVITED_USER_ID))
                .flatMap(userId -> registry.agentByUserId(account, userId))
                .orElseThrow(() -> new ResourceNotFoundException(
                        "This request carries no invite token: it is read with the token of an invite link"));
        InviteView invite = registry.invite(campaignId, agent.id()).orElseThrow();
        return new RegistryResponses.Invitation(
                campaignId,
                campaign.settings().name(),
                agent.id(),
                agent.name(),
                agent.userId(),
                agent.phoneNumber(),
                invite.expiresAt());
    }
}
