package com.campaignledger.projections.registry;

import com.campaignledger.agent.registry.api.AgentDisabledEvent;
import com.campaignledger.agent.registry.api.AgentEnabledEvent;
import com.campaignledger.agent.registry.api.AgentGroupCreatedEvent;
import com.campaignledger.agent.registry.api.AgentGroupDeletedEvent;
import com.campaignledger.agent.registry.api.AgentGroupMemberRemovedEvent;
import com.campaignledger.agent.registry.api.AgentGroupMembersAddedEvent;
import com.campaignledger.agent.registry.api.AgentGroupRenamedEvent;
import com.campaignledger.agent.registry.api.AgentInvitedEvent;
import com.campaignledger.agent.registry.api.AgentRegisteredEvent;
import com.campaignledger.agent.registry.api.AgentUpdatedEvent;
import com.campaignledger.campaign.api.RosterAgentGroupRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentGroupsAddedEvent;
import com.campaignledger.campaign.api.RosterAgentRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentsAddedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;

/**
 * Keeps the registry, roster and invite tables from their events. Its processor is subscribing: the rows are
 * written in the transaction that appends the events, so they are consistent with the commands (the roster
 * gate reads them before letting an agent in) and their unique keys hold userId and group name unique per
 * account even across instances: the second writer's insert fails and rolls its events back with it.
 */
@Component
@ProcessingGroup(AgentRegistryDirectory.PROCESSING_GROUP)
public class AgentRegistryDirectory {

    public static final String PROCESSING_GROUP = "agent-registry";
    /** Metadata key of the account (AxonConfig.ACCOUNT_ID in the api module). */
    static final String ACCOUNT_ID = "accountId";

    private final JdbcTemplate jdbc;

    public AgentRegistryDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How userIds and group names are compared for uniqueness. */
    public static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    @EventHandler
    void on(AgentRegisteredEvent event) {
        var d = event.details();
        jdbc.update("INSERT INTO registry_agent (agent_id, account_id, name, user_id, user_key, email, phone_number, "
                        + "enabled, version) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 1)",
                event.agentId().value(), event.accountId(), d.name(), d.userId(), key(d.userId()), d.email(), d.phoneNumber());
    }

    @EventHandler
    void on(AgentUpdatedEvent event) {
        var d = event.details();
        jdbc.update("UPDATE registry_agent SET name = ?, user_id = ?, user_key = ?, email = ?, phone_number = ?, "
                        + "version = version + 1 WHERE agent_id = ?",
                d.name(), d.userId(), key(d.userId()), d.email(), d.phoneNumber(), event.agentId().value());
    }

    @EventHandler
    void on(AgentDisabledEvent event) {
        jdbc.update("UPDATE registry_agent SET enabled = FALSE, version = version + 1 WHERE agent_id = ?",
                event.agentId().value());
        jdbc.update("UPDATE agent_invite SET revoked = TRUE WHERE agent_id = ?", event.agentId().value());
    }

    @EventHandler
    void on(AgentEnabledEvent event) {
        jdbc.update("UPDATE registry_agent SET enabled = TRUE, version = version + 1 WHERE agent_id = ?",
                event.agentId().value());
    }

    @EventHandler
    void on(AgentInvitedEvent event, @MetaDataValue(ACCOUNT_ID) String accountId, @Timestamp Instant at) {
        jdbc.update("DELETE FROM agent_invite WHERE campaign_id = ? AND agent_id = ?",
                event.campaignId(), event.agentId().value());
        jdbc.update("INSERT INTO agent_invite (campaign_id, agent_id, account_id, invite_id, expires_at, invited_at, revoked) "
                        + "VALUES (?, ?, ?, ?, ?, ?, FALSE)", event.campaignId(), event.agentId().value(), accountId,
                event.inviteId(), java.sql.Timestamp.from(event.expiresAt()), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(AgentGroupCreatedEvent event) {
        jdbc.update("INSERT INTO registry_group (group_id, account_id, name, name_key, deleted, version) "
                        + "VALUES (?, ?, ?, ?, FALSE, 1)",
                event.groupId().value(), event.accountId(), event.name(), key(event.name()));
    }

    @EventHandler
    void on(AgentGroupRenamedEvent event) {
        jdbc.update("UPDATE registry_group SET name = ?, name_key = ?, version = version + 1 WHERE group_id = ?",
                event.name(), key(event.name()), event.groupId().value());
    }

    @EventHandler
    void on(AgentGroupMembersAddedEvent event) {
        for (Long agent : event.agentIds()) {
            jdbc.update("INSERT INTO registry_group_member (group_id, agent_id) VALUES (?, ?)", event.groupId().value(), agent);
        }
        jdbc.update("UPDATE registry_group SET version = version + 1 WHERE group_id = ?", event.groupId().value());
    }

    @EventHandler
    void on(AgentGroupMemberRemovedEvent event) {
        jdbc.update("DELETE FROM registry_group_member WHERE group_id = ? AND agent_id = ?",
                event.groupId().value(), event.agentId());
        jdbc.update("UPDATE registry_group SET version = version + 1 WHERE group_id = ?", event.groupId().value());
    }

    /** The group's row stays (its history is in the events); its name is free again and it leaves the rosters now. */
    @EventHandler
    void on(AgentGroupDeletedEvent event) {
        jdbc.update("UPDATE registry_group SET deleted = TRUE, name_key = NULL, version = version + 1 WHERE group_id = ?",
                event.groupId().value());
        jdbc.update("DELETE FROM registry_group_member WHERE group_id = ?", event.groupId().value());
    }

    @EventHandler
    void on(RosterAgentsAddedEvent event, @MetaDataValue(ACCOUNT_ID) String accountId) {
        for (Long agent : event.agentIds()) {
            jdbc.update("INSERT INTO campaign_roster_agent (campaign_id, agent_id, account_id) VALUES (?, ?, ?)",
                    event.campaignId().value(), agent, accountId);
        }
    }

    @EventHandler
    void on(RosterAgentRemovedEvent event) {
        jdbc.update("DELETE FROM campaign_roster_agent WHERE campaign_id = ? AND agent_id = ?",
                event.campaignId().value(), event.agentId());
        jdbc.update("UPDATE agent_invite SET revoked = TRUE WHERE campaign_id = ? AND agent_id = ?",
                event.campaignId().value(), event.agentId());
    }

    @EventHandler
    void on(RosterAgentGroupsAddedEvent event, @MetaDataValue(ACCOUNT_ID) String accountId) {
        for (Long group : event.agentGroupIds()) {
            jdbc.update("INSERT INTO campaign_roster_group (campaign_id, group_id, account_id) VALUES (?, ?, ?)",
                    event.campaignId().value(), group, accountId);
        }
    }

    @EventHandler
    void on(RosterAgentGroupRemovedEvent event) {
        jdbc.update("DELETE FROM campaign_roster_group WHERE campaign_id = ? AND group_id = ?",
                event.campaignId().value(), event.agentGroupId());
    }
}
