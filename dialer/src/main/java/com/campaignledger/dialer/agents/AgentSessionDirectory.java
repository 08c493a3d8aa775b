package com.campaignledger.dialer.agents;

import com.campaignledger.agent.session.api.AgentCallConnectedEvent;
import com.campaignledger.agent.session.api.AgentCallUnansweredEvent;
import com.campaignledger.agent.session.api.AgentCallbackSentEvent;
import com.campaignledger.agent.session.api.AgentLoggedOutEvent;
import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.kernel.UserIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which agent sessions exist, for which campaign and account, which one is open for each user on each
 * campaign, and the call each open session's agent is on. Its processor is subscribing: the rows are written in the transaction that stores the events,
 * so a second callback always finds the open session, and two concurrent first callbacks for one user
 * collide on the primary key (the loser is retried and then finds the winner's session).
 */
@Component
@ProcessingGroup(AgentSessionDirectory.PROCESSING_GROUP)
public class AgentSessionDirectory {

    public static final String PROCESSING_GROUP = "agent-session-directory";

    /** A session as the directory knows it. */
    public record Entry(AgentSessionId sessionId, long campaignId, String accountId, String userId) {}

    /** The call an open session's agent is on, or still has to store the response for. */
    public record OpenCall(String callId, String number, Map<String, String> extraData, Instant connectedAt) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public AgentSessionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgentCallbackSentEvent event) {
        jdbc.update(
                "INSERT INTO agent_session_directory (session_id, campaign_id, account_id, user_id) VALUES (?, ?, ?, ?)",
                event.sessionId().value(),
                event.campaignId(),
                event.accountId(),
                event.userId());
        jdbc.update(
                "INSERT INTO agent_session_open (campaign_id, user_id, user_key, session_id) VALUES (?, ?, ?, ?)",
                event.campaignId(),
                event.userId(),
                UserIds.key(event.userId()),
                event.sessionId().value());
    }

    @EventHandler
    void on(AgentCallConnectedEvent event) {
        jdbc.update(
                "UPDATE agent_session_open SET call_id = ?, call_number = ?, call_extra = ?, connected_at = ? "
                        + "WHERE session_id = ?",
                event.callId(),
                event.number(),
                write(event.extraData()),
                Timestamp.from(event.at()),
                event.sessionId().value());
    }

    @EventHandler
    void on(AgentResponseStoredEvent event) {
        clearCall(event.sessionId());
    }

    @EventHandler
    void on(AgentCallUnansweredEvent event) {
        clearCall(event.sessionId());
    }

    private void clearCall(AgentSessionId session) {
        jdbc.update(
                "UPDATE agent_session_open SET call_id = NULL, call_number = NULL, call_extra = NULL, connected_at = NULL "
                        + "WHERE session_id = ?",
                session.value());
    }

    /** The call the open session's agent is on or still has to answer for, if any. */
    public Optional<OpenCall> openCall(long sessionId) {
        return jdbc
                .query(
                        "SELECT call_id, call_number, call_extra, connected_at FROM agent_session_open "
                                + "WHERE session_id = ? AND call_id IS NOT NULL",
                        (rs, i) -> new OpenCall(
                                rs.getString(1),
                                rs.getString(2),
                                read(rs.getString(3)),
                                rs.getTimestamp(4).toInstant()),
                        sessionId)
                .stream()
                .findFirst();
    }

    private static String write(Map<String, String> map) {
        try {
            return map.isEmpty() ? null : JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @EventHandler
    void on(AgentLoggedOutEvent event) {
        jdbc.update(
                "DELETE FROM agent_session_open WHERE session_id = ?",
                event.sessionId().value());
    }

    /** A new agent id. */
    public AgentSessionId nextId() {
        return AgentSessionId.of(jdbc.queryForObject("SELECT nextval('agent_session_id_seq')", Long.class));
    }

    /** The open session of a user on a campaign, if any, whatever the case of its userId (UserIds). */
    public Optional<AgentSessionId> openSession(long campaignId, String userId) {
        return jdbc
                .queryForList(
                        "SELECT session_id FROM agent_session_open WHERE campaign_id = ? AND user_key = ?",
                        Long.class,
                        campaignId,
                        UserIds.key(userId))
                .stream()
                .findFirst()
                .map(AgentSessionId::of);
    }

    /** The open sessions of a campaign. */
    public List<AgentSessionId> openSessions(long campaignId) {
        return jdbc
                .queryForList(
                        "SELECT session_id FROM agent_session_open WHERE campaign_id = ? ORDER BY session_id",
                        Long.class,
                        campaignId)
                .stream()
                .map(AgentSessionId::of)
                .toList();
    }

    /** The open sessions of an account, of one campaign when {@code campaignId} is not null. */
    public List<Entry> openEntries(String accountId, Long campaignId) {
        String sql = "SELECT d.session_id, d.campaign_id, d.account_id, d.user_id FROM agent_session_open o "
                + "JOIN agent_session_directory d ON d.session_id = o.session_id WHERE d.account_id = ?"
                + (campaignId == null ? "" : " AND d.campaign_id = ?") + " ORDER BY d.session_id";
        Object[] args = campaignId == null ? new Object[] {accountId} : new Object[] {accountId, campaignId};
        return jdbc.query(
                sql,
                (rs, i) -> new Entry(AgentSessionId.of(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getString(4)),
                args);
    }

    /** Whether the session is still open (not logged out); consistent with the events, not eventually. */
    public boolean isOpen(long sessionId) {
        return !jdbc.queryForList("SELECT 1 FROM agent_session_open WHERE session_id = ?", Integer.class, sessionId)
                .isEmpty();
    }

    public Optional<Entry> find(long sessionId) {
        return jdbc
                .query(
                        "SELECT session_id, campaign_id, account_id, user_id FROM agent_session_directory WHERE session_id = ?",
                        (rs, i) -> new Entry(
                                AgentSessionId.of(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getString(4)),
                        sessionId)
                .stream()
                .findFirst();
    }
}
