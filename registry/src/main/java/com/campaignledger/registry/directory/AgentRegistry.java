package com.campaignledger.registry.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Reads of the registry, roster and invite tables, always within one account. The tables are written in the
 * events' own transaction, so these reads are consistent with every acknowledged command.
 */
@Repository
public class AgentRegistry {

    private static final String AGENT_COLUMNS =
            "a.agent_id, a.name, a.user_id, a.email, a.phone_number, a.enabled, a.version";

    private final JdbcTemplate jdbc;

    public AgentRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long nextAgentId() {
        return jdbc.queryForObject("SELECT nextval('agent_id_seq')", Long.class);
    }

    public long nextGroupId() {
        return jdbc.queryForObject("SELECT nextval('agent_group_id_seq')", Long.class);
    }

    public Optional<AgentView> agent(String accountId, long agentId) {
        return agentRows(
                        "SELECT " + AGENT_COLUMNS + " FROM registry_agent a WHERE a.account_id = ? AND a.agent_id = ?",
                        accountId,
                        agentId)
                .stream()
                .findFirst();
    }

    /** The agent holding this userId (compared without case), if any. */
    public Optional<AgentView> agentByUserId(String accountId, String userId) {
        return agentRows(
                        "SELECT " + AGENT_COLUMNS + " FROM registry_agent a WHERE a.account_id = ? AND a.user_key = ?",
                        accountId,
                        AgentRegistryDirectory.key(userId))
                .stream()
                .findFirst();
    }

    /** QueryAgents: name contains (without case), userId equals (without case), member of a group, enabled. */
    public RegistryPage<AgentView> agents(
            String accountId, String name, String userId, Long groupId, Boolean enabled, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM registry_agent a WHERE a.account_id = ?");
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (name != null && !name.isBlank()) {
            where.append(" AND LOWER(a.name) LIKE ? ESCAPE '\\'");
            args.add("%" + like(name.toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (userId != null && !userId.isBlank()) {
            where.append(" AND a.user_key = ?");
            args.add(AgentRegistryDirectory.key(userId));
        }
        if (groupId != null) {
            where.append(
                    " AND EXISTS (SELECT 1 FROM registry_group_member m JOIN registry_group g ON g.group_id = m.group_id "
                            + "WHERE m.agent_id = a.agent_id AND m.group_id = ? AND g.account_id = a.account_id AND NOT g.deleted)");
            args.add(groupId);
        }
        if (enabled != null) {
            where.append(" AND a.enabled = ?");
            args.add(enabled);
        }
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<AgentView> content = agentRows(
                "SELECT " + AGENT_COLUMNS + where + " ORDER BY a.agent_id LIMIT ? OFFSET ?", pageArgs.toArray());
        return new RegistryPage<>(content, total);
    }

    public Optional<AgentGroupView> group(String accountId, long groupId) {
        return groupRows(
                        "SELECT group_id, name, version FROM registry_group WHERE account_id = ? AND group_id = ? AND NOT deleted",
                        accountId,
                        groupId)
                .stream()
                .findFirst();
    }

    /** The live group with this name (compared without case), if any. */
    public Optional<AgentGroupView> groupByName(String accountId, String name) {
        return groupRows(
                        "SELECT group_id, name, version FROM registry_group WHERE account_id = ? AND name_key = ?",
                        accountId,
                        AgentRegistryDirectory.key(name))
                .stream()
                .findFirst();
    }

    /** QueryAgentGroups: name contains (without case). */
    public RegistryPage<AgentGroupView> groups(String accountId, String name, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM registry_group WHERE account_id = ? AND NOT deleted");
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (name != null && !name.isBlank()) {
            where.append(" AND LOWER(name) LIKE ? ESCAPE '\\'");
            args.add("%" + like(name.toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<AgentGroupView> content = groupRows(
                "SELECT group_id, name, version" + where + " ORDER BY group_id LIMIT ? OFFSET ?", args.toArray());
        return new RegistryPage<>(content, total);
    }

    /** Those of {@code agentIds} that are agents of the account. */
    public Set<Long> existingAgents(String accountId, Collection<Long> agentIds) {
        return existing(
                "SELECT agent_id FROM registry_agent WHERE account_id = ? AND agent_id IN ", accountId, agentIds);
    }

    /** Those of {@code groupIds} that are live groups of the account. */
    public Set<Long> existingGroups(String accountId, Collection<Long> groupIds) {
        return existing(
                "SELECT group_id FROM registry_group WHERE account_id = ? AND NOT deleted AND group_id IN ",
                accountId,
                groupIds);
    }

    /** One query for all ids: {@code select} ends in {@code IN }, the id list follows. */
    private Set<Long> existing(String select, String accountId, Collection<Long> ids) {
        List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Set.of();
        }
        List<Object> args = new ArrayList<>(wanted.size() + 1);
        args.add(accountId);
        args.addAll(wanted);
        return new HashSet<>(jdbc.queryForList(select + in(wanted.size()), Long.class, args.toArray()));
    }

    /** The version of a campaign's roster, its ETag (0 before its first change). */
    public long rosterVersion(long campaignId) {
        return jdbc
                .queryForList(
                        "SELECT version FROM campaign_roster_version WHERE campaign_id = ?", Long.class, campaignId)
                .stream()
                .findFirst()
                .orElse(0L);
    }

    /**
     * The roster's version, its row locked until the caller's transaction ends: a roster mutation with If-Match checks
     * it and sends its command under the lock, so two at once cannot both pass.
     */
    public long lockRosterVersion(long campaignId) {
        // A row to lock even before the first change: two first changes at once then wait for each other too.
        jdbc.update(
                "INSERT INTO campaign_roster_version (campaign_id, version) VALUES (?, 0) ON CONFLICT DO NOTHING",
                campaignId);
        return jdbc
                .queryForList(
                        "SELECT version FROM campaign_roster_version WHERE campaign_id = ? FOR UPDATE",
                        Long.class,
                        campaignId)
                .stream()
                .findFirst()
                .orElse(0L);
    }

    /** The agents directly on a campaign's roster. */
    public List<AgentView> rosterAgents(long campaignId) {
        return agentRows(
                "SELECT " + AGENT_COLUMNS + " FROM registry_agent a JOIN campaign_roster_agent r "
                        + "ON r.agent_id = a.agent_id AND r.account_id = a.account_id WHERE r.campaign_id = ? ORDER BY a.agent_id",
                campaignId);
    }

    /** The live groups on a campaign's roster (a deleted group no longer staffs anything). */
    public List<AgentGroupView> rosterGroups(long campaignId) {
        return groupRows(
                "SELECT g.group_id, g.name, g.version FROM registry_group g JOIN campaign_roster_group r "
                        + "ON r.group_id = g.group_id AND r.account_id = g.account_id WHERE r.campaign_id = ? AND NOT g.deleted ORDER BY g.group_id",
                campaignId);
    }

    /** Campaigns whose roster still lists the group. */
    public List<Long> campaignsWithGroup(long groupId) {
        return jdbc.queryForList(
                "SELECT campaign_id FROM campaign_roster_group WHERE group_id = ? ORDER BY campaign_id",
                Long.class,
                groupId);
    }

    /**
     * May {@code userId} call back and log in to the campaign? A disabled registry agent never may; with a
     * non-empty roster only enabled agents on it, directly or through a live group, may.
     */
    public Admission admission(long campaignId, String accountId, String userId) {
        // Only id and enabled: this runs on every callback and login.
        Optional<Registered> agent = jdbc
                .query(
                        "SELECT agent_id, enabled FROM registry_agent WHERE account_id = ? AND user_key = ?",
                        (rs, i) -> new Registered(rs.getLong(1), rs.getBoolean(2)),
                        accountId,
                        AgentRegistryDirectory.key(userId))
                .stream()
                .findFirst();
        if (agent.isPresent() && !agent.get().enabled()) {
            return Admission.DISABLED;
        }
        boolean rosterEmpty = jdbc.queryForObject(
                        "SELECT (SELECT COUNT(*) FROM campaign_roster_agent WHERE campaign_id = ?) "
                                + "+ (SELECT COUNT(*) FROM campaign_roster_group r JOIN registry_group g ON g.group_id = r.group_id "
                                + "AND g.account_id = r.account_id WHERE r.campaign_id = ? AND NOT g.deleted)",
                        Long.class,
                        campaignId,
                        campaignId)
                == 0;
        if (rosterEmpty) {
            return Admission.ADMITTED;
        }
        return agent.isPresent() && onRoster(campaignId, agent.get().id())
                ? Admission.ADMITTED
                : Admission.NOT_ON_ROSTER;
    }

    private record Registered(long id, boolean enabled) {}

    /** Whether the agent is on the campaign's roster, directly or through a live group. */
    public boolean onRoster(long campaignId, long agentId) {
        return jdbc.queryForObject(
                                "SELECT COUNT(*) FROM campaign_roster_agent WHERE campaign_id = ? AND agent_id = ?",
                                Long.class,
                                campaignId,
                                agentId)
                        > 0
                || jdbc.queryForObject(
                                "SELECT COUNT(*) FROM campaign_roster_group r JOIN registry_group g ON g.group_id = r.group_id "
                                        + "AND g.account_id = r.account_id JOIN registry_group_member m ON m.group_id = g.group_id "
                                        + "WHERE r.campaign_id = ? AND m.agent_id = ? AND NOT g.deleted",
                                Long.class,
                                campaignId,
                                agentId)
                        > 0;
    }

    /** The enabled agents of these groups (live, of the account), for invites sent to groups. */
    public Set<Long> enabledMembers(String accountId, Collection<Long> groupIds) {
        Set<Long> members = new LinkedHashSet<>();
        for (Long group : groupIds) {
            members.addAll(jdbc.queryForList(
                    "SELECT a.agent_id FROM registry_group_member m JOIN registry_group g "
                            + "ON g.group_id = m.group_id JOIN registry_agent a ON a.agent_id = m.agent_id WHERE m.group_id = ? "
                            + "AND g.account_id = ? AND NOT g.deleted AND a.enabled ORDER BY a.agent_id",
                    Long.class,
                    group,
                    accountId));
        }
        return members;
    }

    public Optional<InviteView> invite(long campaignId, long agentId) {
        return jdbc
                .query(
                        "SELECT campaign_id, agent_id, account_id, invite_id, expires_at, revoked FROM agent_invite "
                                + "WHERE campaign_id = ? AND agent_id = ?",
                        (rs, i) -> new InviteView(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getBoolean(6)),
                        campaignId,
                        agentId)
                .stream()
                .findFirst();
    }

    /** Agents with their groups: one query for the rows, one for all their groups (not one per row). */
    private List<AgentView> agentRows(String sql, Object... args) {
        List<AgentView> rows = jdbc.query(
                sql,
                (rs, i) -> new AgentView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        List.of(),
                        rs.getLong(7)),
                args);
        Map<Long, List<Long>> groups = listsOf(
                "SELECT m.agent_id, m.group_id FROM registry_group_member m JOIN registry_group g "
                        + "ON g.group_id = m.group_id WHERE NOT g.deleted AND m.agent_id IN ",
                rows.stream().map(AgentView::id).toList(),
                " ORDER BY m.group_id");
        return rows.stream()
                .map(a -> new AgentView(
                        a.id(),
                        a.name(),
                        a.userId(),
                        a.email(),
                        a.phoneNumber(),
                        a.enabled(),
                        groups.getOrDefault(a.id(), List.of()),
                        a.version()))
                .toList();
    }

    /** Groups with their members, in two queries like {@link #agentRows}. */
    private List<AgentGroupView> groupRows(String sql, Object... args) {
        List<AgentGroupView> rows = jdbc.query(
                sql, (rs, i) -> new AgentGroupView(rs.getLong(1), rs.getString(2), List.of(), rs.getLong(3)), args);
        Map<Long, List<Long>> members = listsOf(
                "SELECT group_id, agent_id FROM registry_group_member WHERE group_id IN ",
                rows.stream().map(AgentGroupView::id).toList(),
                " ORDER BY agent_id");
        return rows.stream()
                .map(g -> new AgentGroupView(g.id(), g.name(), members.getOrDefault(g.id(), List.of()), g.version()))
                .toList();
    }

    /** Rows of (owner id, value) for these owners, gathered per owner in the query's order. */
    private Map<Long, List<Long>> listsOf(String select, List<Long> owners, String orderBy) {
        Map<Long, List<Long>> lists = new HashMap<>();
        if (!owners.isEmpty()) {
            jdbc.query(
                    select + in(owners.size()) + orderBy,
                    (RowCallbackHandler) rs -> lists.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getLong(2)),
                    owners.toArray());
        }
        return lists;
    }

    private static String in(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
