package com.campaignledger.web.registry;

import com.campaignledger.agent.registry.api.RegistryVersionMismatchException;
import com.campaignledger.campaign.api.AddRosterAgentGroupsCommand;
import com.campaignledger.campaign.api.AddRosterAgentsCommand;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.RemoveRosterAgentCommand;
import com.campaignledger.campaign.api.RemoveRosterAgentGroupCommand;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.web.CampaignLookup;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.ETags;
import com.campaignledger.web.RequestContext;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's roster (seed 002's AddAgents / AddAgentGroups / RemoveAgent / RemoveAgentGroup / GetAgents /
 * GetAgentGroups). The roster lives in the Campaign aggregate, so its changes are in the campaign's own history
 * with their actor; an agent taken off it while logged in is logged out after its current call. A removal goes
 * straight to the aggregate, which answers 404 for an unknown campaign or another account's, without asking the
 * campaign view first (it may not show a campaign created a moment ago).
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/roster")
class RosterController {

    private final CampaignLookup campaigns;
    private final AgentRegistry registry;
    private final RegistryCommands commands;
    private final CommandExecutor executor;
    private final TransactionTemplate transactions;

    RosterController(
            CampaignLookup campaigns,
            AgentRegistry registry,
            RegistryCommands commands,
            CommandExecutor executor,
            TransactionTemplate transactions) {
        this.campaigns = campaigns;
        this.registry = registry;
        this.commands = commands;
        this.executor = executor;
        this.transactions = transactions;
    }

    @GetMapping
    ResponseEntity<RegistryResponses.Roster> roster(@PathVariable long campaignId, RequestContext context) {
        campaigns.require(campaignId, context.accountId());
        return ResponseEntity.ok()
                .eTag(ETags.of(registry.rosterVersion(campaignId)))
                .body(roster(campaignId));
    }

    @PostMapping("/agents")
    ResponseEntity<?> addAgents(
            @PathVariable long campaignId,
            @RequestBody RegistryRequests.AgentIds body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String account = command.context().accountId();
        campaigns.require(campaignId, account); // another account's campaign is 404 before its ids are judged
        List<Long> ids = RegistryCommands.requireIds("agentIds", body.agentIds());
        RegistryCommands.requireKnown("agentIds", "agent", ids, registry.existingAgents(account, ids));
        return executor.execute(
                command,
                body.requestId(),
                body,
                context -> changed(
                        campaignId,
                        ifMatch,
                        () -> executor.send(context, new AddRosterAgentsCommand(CampaignId.of(campaignId), ids))));
    }

    @DeleteMapping("/agents/{agentId}")
    ResponseEntity<?> removeAgent(
            @PathVariable long campaignId,
            @PathVariable long agentId,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return executor.execute(
                command,
                null,
                null,
                context -> changed(
                        campaignId,
                        ifMatch,
                        () -> executor.send(
                                context, new RemoveRosterAgentCommand(CampaignId.of(campaignId), agentId))));
    }

    @PostMapping("/agent-groups")
    ResponseEntity<?> addGroups(
            @PathVariable long campaignId,
            @RequestBody RegistryRequests.AgentGroupIds body,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String account = command.context().accountId();
        campaigns.require(campaignId, account); // another account's campaign is 404 before its ids are judged
        List<Long> ids = RegistryCommands.requireIds("agentGroupIds", body.agentGroupIds());
        RegistryCommands.requireKnown("agentGroupIds", "agent group", ids, registry.existingGroups(account, ids));
        return executor.execute(
                command,
                body.requestId(),
                body,
                context -> changed(
                        campaignId,
                        ifMatch,
                        () -> executor.send(context, new AddRosterAgentGroupsCommand(CampaignId.of(campaignId), ids))));
    }

    @DeleteMapping("/agent-groups/{groupId}")
    ResponseEntity<?> removeGroup(
            @PathVariable long campaignId,
            @PathVariable long groupId,
            CommandRequest command,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return executor.execute(
                command,
                null,
                null,
                context -> changed(
                        campaignId,
                        ifMatch,
                        () -> executor.send(
                                context, new RemoveRosterAgentGroupCommand(CampaignId.of(campaignId), groupId))));
    }

    /**
     * Runs a roster change, with If-Match (the roster's ETag) checked under a lock of the roster's version that holds
     * until the change commits: of two changes made from the same version, the second is a 412. Answers the roster
     * and its new ETag.
     */
    private ResponseEntity<?> changed(long campaignId, String ifMatch, Runnable change) {
        Long expected = ETags.expectedVersion(ifMatch);
        return transactions.execute(tx -> {
            if (expected != null) {
                long current = registry.lockRosterVersion(campaignId);
                if (current != expected) {
                    throw new RegistryVersionMismatchException(
                            "The roster of campaign " + campaignId, expected, current);
                }
            }
            change.run();
            return ResponseEntity.ok()
                    .eTag(ETags.of(registry.rosterVersion(campaignId)))
                    .body(roster(campaignId));
        });
    }

    private RegistryResponses.Roster roster(long campaignId) {
        return new RegistryResponses.Roster(
                campaignId, registry.rosterAgents(campaignId), registry.rosterGroups(campaignId));
    }
}
