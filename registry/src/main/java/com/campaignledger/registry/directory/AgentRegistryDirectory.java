package com.campaignledger.registry.directory;

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
import java.time.Instant;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
    /** Metadata key of the account (MetadataKeys.ACCOUNT_ID in the api module). */
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
        jdbc.update(
                "INSERT INTO registry_agent (agent_id, account_id, name, user_id, user_key, email, phone_number, "
                        + "enabled, version) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 1)",
                event.agentId().value(),
                event.accountId(),
                d.name(),
                d.userId(),
                key(d.userId()),
                d.email(),
                d.phoneNumber());
    }

    @EventHandler
    void on(AgentUpdatedEvent event) {
        var d = event.details();
        jdbc.update(
                "UPDATE registry_agent SET name = ?, user_id = ?, user_key = ?, email = ?, phone_number = ?, "
                        + "version = version + 1 WHERE agent_id = ?",
                d.name(),
                d.userId(),
                key(d.userId()),
                d.email(),
                d.phoneNumber(),
                event.agentId().value());
    }

    @EventHandler
    void on(AgentDisabledEvent event) {
        jdbc.update(
                "UPDATE registry_agent SET enabled = FALSE, version = version + 1 WHERE agent_id = ?",
                event.agentId().value());
        jdbc.update(
                "UPDATE agent_invite SET revoked = TRUE WHERE agent_id = ?",
                event.agentId().value());
    }

    @EventHandler
    void on(AgentEnabledEvent event) {
        jdbc.update(
                "UPDATE registry_agent SET enabled = TRUE, version = version + 1 WHERE agent_id = ?",
                event.agentId().value());
    }

    @EventHandler
    void on(AgentInvitedEvent event, @MetaDataValue(ACCOUNT_ID) String accountId, @Timestamp Instant at) {
        jdbc.update(
                "DELETE FROM agent_invite WHERE campaign_id = ? AND agent_id = ?",
                event.campaignId(),
                event.agentId().value());
        jdbc.update(
                "INSERT INTO agent_invite (campaign_id, agent_id, account_id, invite_id, expires_at, invited_at, revoked) "
                        + "VALUES (?, ?, ?, ?, ?, ?, FALSE)",
                event.campaignId(),
                event.agentId().value(),
                accountId,
                event.inviteId(),
                java.sql.Timestamp.from(event.expiresAt()),
                java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(AgentGroupCreatedEvent event) {
        jdbc.update(
                "INSERT INTO registry_group (group_id, account_id, name, name_key, deleted, version) "
                        + "VALUES (?, ?, ?, ?, FALSE, 1)",
                event.groupId().value(),
                event.accountId(),
                event.name(),
                key(event.name()));
    }

    @EventHandler
    void on(AgentGroupRenamedEvent event) {
        jdbc.update(
                "UPDATE registry_group SET name = ?, name_key = ?, version = version + 1 WHERE group_id = ?",
                event.name(),
                key(event.name()),
                event.groupId().value());
    }

    @EventHandler
    void on(AgentGroupMembersAddedEvent event) {
        for (Long agent : event.agentIds()) {
            jdbc.update(
                    "INSERT INTO registry_group_member (group_id, agent_id) VALUES (?, ?)",
                    event.groupId().value(),
                    agent);
        }
        jdbc.update(
                "UPDATE registry_group SET version = version + 1 WHERE group_id = ?",
                event.groupId().value());
    }

    @EventHandler
    void on(AgentGroupMemberRemovedEvent event) {
        jdbc.update(
                "DELETE FROM registry_group_member WHERE group_id = ? AND agent_id = ?",
                event.groupId().value(),
                event.agentId());
        jdbc.update(
                "UPDATE registry_group SET version = version + 1 WHERE group_id = ?",
                event.groupId().value());
        revokeInvitesOffRoster(
                "campaign_id IN (SELECT campaign_id FROM campaign_roster_group WHERE group_id = ?) "
                        + "AND agent_id = ?",
                event.groupId().value(),
                event.agentId());
    }

    /** The group's row stays (its history is in the events); its name is free again and it leaves the rosters now. */
    @EventHandler
    void on(AgentGroupDeletedEvent event) {
        long group = event.groupId().value();
        jdbc.update(
                "UPDATE registry_group SET deleted = TRUE, name_key = NULL, version = version + 1 WHERE group_id = ?",
                group);
        // While its members are still known: a deleted group staffs nothing, so they may have left rosters with it.
        revokeInvitesOffRoster(
                "campaign_id IN (SELECT campaign_id FROM campaign_roster_group WHERE group_id = ?) "
                        + "AND agent_id IN (SELECT agent_id FROM registry_group_member WHERE group_id = ?)",
                group,
                group);
        jdbc.update("DELETE FROM registry_group_member WHERE group_id = ?", group);
    }

    @EventHandler
    void on(RosterAgentsAddedEvent event, @MetaDataValue(ACCOUNT_ID) String accountId) {
        rosterChanged(event.campaignId().value());
        for (Long agent : event.agentIds()) {
            jdbc.update(
                    "INSERT INTO campaign_roster_agent (campaign_id, agent_id, account_id) VALUES (?, ?, ?)",
                    event.campaignId().value(),
                    agent,
                    accountId);
        }
    }

    @EventHandler
    void on(RosterAgentRemovedEvent event) {
        rosterChanged(event.campaignId().value());
        jdbc.update(
                "DELETE FROM campaign_roster_agent WHERE campaign_id = ? AND agent_id = ?",
                event.campaignId().value(),
                event.agentId());
        revokeInvitesOffRoster(
                "campaign_id = ? AND agent_id = ?", event.campaignId().value(), event.agentId());
    }

    @EventHandler
    void on(RosterAgentGroupsAddedEvent event, @MetaDataValue(ACCOUNT_ID) String accountId) {
        rosterChanged(event.campaignId().value());
        for (Long group : event.agentGroupIds()) {
            jdbc.update(
                    "INSERT INTO campaign_roster_group (campaign_id, group_id, account_id) VALUES (?, ?, ?)",
                    event.campaignId().value(),
                    group,
                    accountId);
        }
    }

    @EventHandler
    void on(RosterAgentGroupRemovedEvent event) {
        rosterChanged(event.campaignId().value());
        jdbc.update(
                "DELETE FROM campaign_roster_group WHERE campaign_id = ? AND group_id = ?",
                event.campaignId().value(),
                event.agentGroupId());
        revokeInvitesOffRoster(
                "campaign_id = ? AND agent_id IN (SELECT agent_id FROM registry_group_member WHERE group_id = ?)",
                event.campaignId().value(),
                event.agentGroupId());
    }

    /**
     * The roster's version (its ETag) moves with every change. Two first changes at once both insert: the second
     * fails on the key with its events, and is tried again (CommandExecutor), now finding the row.
     */
    private void rosterChanged(long campaignId) {
        if (jdbc.update("UPDATE campaign_roster_version SET version = version + 1 WHERE campaign_id = ?", campaignId)
                == 0) {
            jdbc.update("INSERT INTO campaign_roster_version (campaign_id, version) VALUES (?, 1)", campaignId);
        }
    }

    /**
     * Revokes the open invites, among those {@code which} selects (a condition on campaign_id and agent_id), whose
     * agent has just left the campaign's roster: neither on it directly nor a member of one of its live groups now.
     * An agent still on the roster some other way keeps its invite. Revoking is for good: a new invite is needed.
     */
    private void revokeInvitesOffRoster(String which, Object... args) {
        jdbc.update(
                "UPDATE agent_invite SET revoked = TRUE WHERE NOT revoked AND " + which
                        + " AND NOT EXISTS (SELECT 1 FROM campaign_roster_agent r WHERE r.campaign_id = agent_invite.campaign_id "
                        + "AND r.agent_id = agent_invite.agent_id)"
                        + " AND NOT EXISTS (SELECT 1 FROM campaign_roster_group r JOIN registry_group g ON g.group_id = r.group_id "
                        + "AND NOT g.deleted JOIN registry_group_member m ON m.group_id = r.group_id "
                        + "WHERE r.campaign_id = agent_invite.campaign_id AND m.agent_id = agent_invite.agent_id)",
                args);
    }
}
