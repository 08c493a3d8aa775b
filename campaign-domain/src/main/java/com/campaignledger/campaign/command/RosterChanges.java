package com.campaignledger.campaign.command;

import static com.campaignledger.campaign.command.CampaignRules.newIds;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.campaignledger.campaign.api.AddRosterAgentGroupsCommand;
import com.campaignledger.campaign.api.AddRosterAgentsCommand;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.NotOnRosterException;
import com.campaignledger.campaign.api.RemoveRosterAgentCommand;
import com.campaignledger.campaign.api.RemoveRosterAgentGroupCommand;
import com.campaignledger.campaign.api.RosterAgentGroupRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentGroupsAddedEvent;
import com.campaignledger.campaign.api.RosterAgentRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentsAddedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Campaign aggregate's roster: the agents and agent groups that may work it (events applied for it). */
final class RosterChanges {

    private RosterChanges() {}

    static void addAgents(CampaignState campaign, AddRosterAgentsCommand command) {
        List<Long> added = newIds("agentIds", command.agentIds(), campaign.rosterAgents());
        if (!added.isEmpty()) {
            apply(new RosterAgentsAddedEvent(campaign.campaignId(), added));
        }
    }

    static void addGroups(CampaignState campaign, AddRosterAgentGroupsCommand command) {
        List<Long> added = newIds("agentGroupIds", command.agentGroupIds(), campaign.rosterGroups());
        if (!added.isEmpty()) {
            apply(new RosterAgentGroupsAddedEvent(campaign.campaignId(), added));
        }
    }

    static void removeAgent(CampaignState campaign, RemoveRosterAgentCommand command) {
        if (!campaign.rosterAgents().contains(command.agentId())) {
            throw new NotOnRosterException("Agent " + command.agentId() + " is not on the roster of campaign "
                    + campaign.campaignId().value());
        }
        apply(new RosterAgentRemovedEvent(campaign.campaignId(), command.agentId()));
    }

    /** The campaign's own agent group may leave the roster too: then the campaign has no agentGroupId any more. */
    static void removeGroup(CampaignState campaign, RemoveRosterAgentGroupCommand command) {
        if (!campaign.rosterGroups().contains(command.agentGroupId())) {
            throw new NotOnRosterException(
                    "Agent group " + command.agentGroupId() + " is not on the roster of campaign "
                            + campaign.campaignId().value());
        }
        CampaignSettings settings = campaign.settings();
        if (Long.valueOf(command.agentGroupId()).equals(settings.agentGroupId())) {
            Map<String, Object> cleared = new LinkedHashMap<>();
            cleared.put("agentGroupId", null);
            cleared.put("agentGroupName", null);
            CampaignSettings updated = settings.with(CampaignPatch.of(cleared));
            apply(new CampaignUpdatedEvent(campaign.campaignId(), updated, CampaignPatch.changes(settings, updated)));
        }
        apply(new RosterAgentGroupRemovedEvent(campaign.campaignId(), command.agentGroupId()));
    }
}
