package com.campaignledger.projections.agentsession;

import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.agent.session.api.LogoutReason;
import com.campaignledger.kernel.UserIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The agent_session_view table. */
@Repository
public class AgentSessionRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "session_id, campaign_id, account_id, user_id, phone_number, state, callback_at, "
                    + "logged_in_at, logged_out_at, logout_reason, calls, talk_millis, response_millis, current_call_id, "
                    + "current_number, current_extra, connected_at, call_ended_at";

    private final JdbcTemplate jdbc;

    public AgentSessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            long sessionId, long campaignId, String accountId, String userId, String phone, Instant at, long sequence) {
        jdbc.update(
                "INSERT INTO agent_session_view (session_id, campaign_id, account_id, user_id, phone_number, state, "
                        + "callback_at, calls, talk_millis, response_millis, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?) "
                        + "ON CONFLICT DO NOTHING",
                sessionId,
                campaignId,
                accountId,
                userId,
                phone,
                AgentState.CALLBACK_SENT.name(),
                ts(at),
                sequence);
    }

    /** Applies {@code sql} (an UPDATE ... SET ...) unless the session's view already has this event. */
    boolean update(long sessionId, long sequence, String set, Object... args) {
        Object[] all = new Object[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = sequence;
        all[args.length + 1] = sessionId;
        all[args.length + 2] = sequence;
        return jdbc.update(
                        "UPDATE agent_session_view SET " + set
                                + ", last_sequence = ? WHERE session_id = ? AND last_sequence < ?",
                        all)
                == 1;
    }

    void deleteAll() {
        jdbc.update("DELETE FROM agent_session_view");
    }

    public Optional<AgentSessionView> find(long sessionId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM agent_session_view WHERE session_id = ?", MAPPER, sessionId)
                .stream()
                .findFirst();
    }

    public List<AgentSessionView> ofCampaign(long campaignId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM agent_session_view WHERE campaign_id = ? ORDER BY session_id",
                MAPPER,
                campaignId);
    }

    /** The campaign's sessions in the account, oldest first. */
    public List<AgentSessionView> ofCampaign(long campaignId, String accountId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM agent_session_view WHERE campaign_id = ? AND account_id = ? "
                        + "ORDER BY session_id",
                MAPPER,
                campaignId,
                accountId);
    }

    /** One session of the account. */
    public Optional<AgentSessionView> find(long sessionId, String accountId) {
        return find(sessionId).filter(v -> v.accountId().equals(accountId));
    }

    /**
     * QueryAgentSessions: the account's sessions, optionally of one campaign, one userId and one registry agent, and open at some
     * moment of [from, to) (called back before {@code to}, not logged out before {@code from}), oldest first.
     */
    public AgentSessionPage query(AgentSessionQuery q) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        args.add(q.size());
        args.add((long) q.page() * q.size());
        List<AgentSessionView> content = jdbc.query(
                "SELECT " + COLUMNS + where + " ORDER BY session_id LIMIT ? OFFSET ?", MAPPER, args.toArray());
        return new AgentSessionPage(content, q.page(), q.size(), total == null ? 0 : total);
    }

    /** Up to {@code q.size()} of the query's sessions after session {@code afterSessionId}, without a count: exports. */
    public List<AgentSessionView> after(AgentSessionQuery q, long afterSessionId) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args) + " AND session_id > ?";
        args.add(afterSessionId);
        args.add(q.size());
        return jdbc.query("SELECT " + COLUMNS + where + " ORDER BY session_id LIMIT ?", MAPPER, args.toArray());
    }

    private static String where(AgentSessionQuery q, List<Object> args) {
        StringBuilder where = new StringBuilder(" FROM agent_session_view WHERE account_id = ?");
        args.add(q.accountId());
        if (q.campaignId() != null) {
            where.append(" AND campaign_id = ?");
            args.add(q.campaignId());
        }
        if (q.userId() != null) {
            // A userId is one user however it is spelled (UserIds).
            where.append(" AND LOWER(TRIM(user_id)) = ?");
            args.add(UserIds.key(q.userId()));
        }
        if (q.agentId() != null) {
            // Sessions link to the registry by userId, as the roster gate does: an agent of another account, or none,
            // has no user_key here and matches nothing.
            where.append(" AND LOWER(TRIM(user_id)) = (SELECT a.user_key FROM registry_agent a "
                    + "WHERE a.agent_id = ? AND a.account_id = ?)");
            args.add(q.agentId());
            args.add(q.accountId());
        }
        if (q.from() != null) {
            where.append(" AND (logged_out_at IS NULL OR logged_out_at >= ?)");
            args.add(ts(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND callback_at < ?");
            args.add(ts(q.to()));
        }
        return where.toString();
    }

    /** How many of the campaign's agents are logged in now, and of those how many wait for a call or are on one. */
    public AgentCounts counts(long campaignId, String accountId) {
        Map<String, Long> byState = new HashMap<>();
        jdbc.query(
                "SELECT state, COUNT(*) FROM agent_session_view WHERE campaign_id = ? AND account_id = ? "
                        + "AND state IN (?, ?, ?) GROUP BY state",
                rs -> {
                    byState.put(rs.getString(1), rs.getLong(2));
                },
                campaignId,
                accountId,
                AgentState.READY.name(),
                AgentState.ON_CALL.name(),
                AgentState.WRAP_UP.name());
        long ready = byState.getOrDefault(AgentState.READY.name(), 0L);
        long onCall = byState.getOrDefault(AgentState.ON_CALL.name(), 0L);
        return new AgentCounts(ready + onCall + byState.getOrDefault(AgentState.WRAP_UP.name(), 0L), ready, onCall);
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static String json(Map<String, String> map) {
        try {
            return map == null || map.isEmpty() ? null : JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Map<String, String> map(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final RowMapper<AgentSessionView> MAPPER = (rs, i) -> {
        String callId = rs.getString("current_call_id");
        AgentSessionView.CurrentCall call = callId == null
                ? null
                : new AgentSessionView.CurrentCall(
                        callId,
                        rs.getString("current_number"),
                        map(rs.getString("current_extra")),
                        instant(rs.getTimestamp("connected_at")),
                        instant(rs.getTimestamp("call_ended_at")));
        String reason = rs.getString("logout_reason");
        return new AgentSessionView(
                rs.getLong("session_id"),
                rs.getLong("campaign_id"),
                rs.getString("account_id"),
                rs.getString("user_id"),
                rs.getString("phone_number"),
                AgentState.valueOf(rs.getString("state")),
                instant(rs.getTimestamp("callback_at")),
                instant(rs.getTimestamp("logged_in_at")),
                instant(rs.getTimestamp("logged_out_at")),
                reason == null ? null : LogoutReason.valueOf(reason),
                rs.getInt("calls"),
                rs.getLong("talk_millis"),
                rs.getLong("response_millis"),
                call);
    };
}
