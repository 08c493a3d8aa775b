package com.campaignledger.registry.roster;

import com.campaignledger.agent.registry.api.AgentDisabledEvent;
import com.campaignledger.agent.registry.api.AgentGroupDeletedEvent;
import com.campaignledger.agent.registry.api.AgentGroupMemberRemovedEvent;
import com.campaignledger.agent.registry.api.AgentUpdatedEvent;
import com.campaignledger.agent.session.api.EndAgentSessionCommand;
import com.campaignledger.agent.session.api.LogoutReason;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.NotOnRosterException;
import com.campaignledger.campaign.api.RemoveRosterAgentGroupCommand;
import com.campaignledger.campaign.api.RosterAgentGroupRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentGroupsAddedEvent;
import com.campaignledger.campaign.api.RosterAgentRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentsAddedEvent;
import com.campaignledger.dialer.agents.AgentSessionDirectory;
import com.campaignledger.dialer.separate.SeparateCommands;
import com.campaignledger.kernel.MetadataKeys;
import com.campaignledger.registry.directory.Admission;
import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.registry.directory.AgentRegistryDirectory;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows roster and registry changes to the agents they concern: an agent no longer admitted to a campaign
 * (taken off its roster, directly or with its group, or disabled) is logged out, and one on a call only once
 * that call's response is stored, so nobody is cut off mid-call. A deleted group leaves every roster.
 * <p>
 * A tracking processor, after the change is committed; it reads the registry tables, which are consistent
 * with every committed event, so it decides on the roster as it is now. Each command it sends commits on its own
 * ({@link SeparateCommands}): a logout or a group's removal sent again by a retried batch changes nothing.
 */
@Component
// It logs out the sessions of agents taken off a roster or disabled (commands): a replay would act on the past again.
@DisallowReplay
@ProcessingGroup(RosterEnforcer.PROCESSING_GROUP)
class RosterEnforcer {

    static final String PROCESSING_GROUP = "agent-roster-enforcement";
    private static final Logger log = LoggerFactory.getLogger(RosterEnforcer.class);

    private final SeparateCommands commands;
    private final AgentSessionDirectory sessions;
    private final AgentRegistry registry;

    RosterEnforcer(SeparateCommands commands, AgentSessionDirectory sessions, AgentRegistry registry) {
        this.commands = commands;
        this.sessions = sessions;
        this.registry = registry;
    }

    @EventHandler
    void on(
            RosterAgentRemovedEvent event,
            @MetaDataValue(MetadataKeys.ACCOUNT_ID) String account,
            @Timestamp Instant at) {
        enforce(account, event.campaignId().value(), at);
    }

    @EventHandler
    void on(
            RosterAgentGroupRemovedEvent event,
            @MetaDataValue(MetadataKeys.ACCOUNT_ID) String account,
            @Timestamp Instant at) {
        enforce(account, event.campaignId().value(), at);
    }

    /** A roster that was empty admitted anyone: once it is not, those not on it leave too. */
    @EventHandler
    void on(
            RosterAgentsAddedEvent event,
            @MetaDataValue(MetadataKeys.ACCOUNT_ID) String account,
            @Timestamp Instant at) {
        enforce(account, event.campaignId().value(), at);
    }

    @EventHandler
    void on(
            RosterAgentGroupsAddedEvent event,
            @MetaDataValue(MetadataKeys.ACCOUNT_ID) String account,
            @Timestamp Instant at) {
        enforce(account, event.campaignId().value(), at);
    }

    @EventHandler
    void on(AgentDisabledEvent event, @MetaDataValue(MetadataKeys.ACCOUNT_ID) String account, @Timestamp Instant at) {
        enforceAgent(account, event.agentId().value(), at);
    }

    /**
     * A new userId: sessions opened under the old one are no longer this agent's, and those under the new one now
     * are. Other changes admit the same sessions.
     */
    @EventHandler
    void on(AgentUpdatedEvent event, @MetaDataValue(MetadataKeys.ACCOUNT_ID) String account, @Timestamp Instant at) {
        event.changes().stream()
                .filter(change -> change.field().equals("userId"))
                .findFirst()
                .ifPresent(change -> enforce(
                        account,
                        null,
                        at,
                        Set.of(String.valueOf(change.oldValue()), String.valueOf(change.newValue()))));
    }

    @EventHandler
    void on(
            AgentGroupMemberRemovedEvent event,
            @MetaDataValue(MetadataKeys.ACCOUNT_ID) String account,
            @Timestamp Instant at) {
        enforceAgent(account, event.agentId(), at);
    }

    @EventHandler
    void on(
            AgentGroupDeletedEvent event,
            @MetaDataValue(MetadataKeys.ACCOUNT_ID) String account,
            @Timestamp Instant at) {
        for (Long campaign : registry.campaignsWithGroup(event.groupId().value())) {
            try {
                commands.sendAndWait(new RemoveRosterAgentGroupCommand(
                        CampaignId.of(campaign), event.groupId().value()));
            } catch (AggregateNotFoundException | NotOnRosterException e) {
                log.debug(
                        "Group {} already off campaign {}: {}", event.groupId().value(), campaign, e.getMessage());
            }
        }
        enforce(account, null, at);
    }

    /** Only the sessions of this agent's userId: a change to one agent leaves the others' admission as it was. */
    private void enforceAgent(String account, long agentId, Instant at) {
        if (account != null) {
            registry.agent(account, agentId).ifPresent(agent -> enforce(account, null, at, Set.of(agent.userId())));
        }
    }

    private void enforce(String account, Long campaignId, Instant at) {
        enforce(account, campaignId, at, null);
    }

    /** Logs out the open sessions no longer admitted: of the campaign (null: all) and of these userIds (null: all). */
    private void enforce(String account, Long campaignId, Instant at, Set<String> userIds) {
        if (account == null) {
            return;
        }
        Set<String> keys = userIds == null
                ? null
                : userIds.stream().map(AgentRegistryDirectory::key).collect(Collectors.toSet());
        for (AgentSessionDirectory.Entry session : sessions.openEntries(account, campaignId)) {
            if (keys != null && !keys.contains(AgentRegistryDirectory.key(session.userId()))) {
                continue;
            }
            if (registry.admission(session.campaignId(), account, session.userId()) != Admission.ADMITTED) {
                commands.sendAndWait(new EndAgentSessionCommand(session.sessionId(), LogoutReason.REMOVED, at));
            }
        }
    }
}
