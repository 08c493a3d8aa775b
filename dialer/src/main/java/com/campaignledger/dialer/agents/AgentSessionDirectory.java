package com.campaignledger.dialer.agents;

import com.campaignledger.agent.session.api.AgentCallbackSentEvent;
import com.campaignledger.agent.session.api.AgentLoggedOutEvent;
import com.campaignledger.agent.session.api.AgentSessionId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Which agent sessions exist, for which campaign and account, and which one is open for each user on each
 * campaign. Its processor is subscribing: the rows are written in the transaction that stores the events,
 * so a second callback always finds the open session, and two concurrent first callbacks for one user
 * collide on the primary key (the loser is retried and then finds the winner's session).
 */
@Component
@ProcessingGroup(AgentSessionDirectory.PROCESSING_GROUP)
public class AgentSessionDirectory {

    public static final String PROCESSING_GROUP = "agent-session-directory";

    /** A session as the directory knows it. */
    public record Entry(AgentSessionId sessionId, long campaignId, String accountId, String userId) {
    }

    private final JdbcTemplate jdbc;

    public AgentSessionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgentCallbackSentEvent event) {
        jdbc.update("INSERT INTO agent_session_directory (session_id, campaign_id, account_id, user_id) VALUES (?, ?, ?, ?)",
                event.sessionId().value(), event.campaignId(), event.accountId(), event.userId());
        jdbc.update("INSERT INTO agent_session_open (campaign_id, user_id, session_id) VALUES (?, ?, ?)",
                event.campaignId(), event.userId(), event.sessionId().value());
    }

    @EventHandler
    void on(AgentLoggedOutEvent event) {
        jdbc.update("DELETE FROM agent_session_open WHERE session_id = ?", event.sessionId().value());
    }

    /** A new agent id. */
    public AgentSessionId nextId() {
        return AgentSessionId.of(jdbc.queryForObject("SELECT nextval('agent_session_id_seq')", Long.class));
    }

    /** The open session of a user on a campaign, if any. */
    public Optional<AgentSessionId> openSession(long campaignId, String userId) {
        return jdbc.queryForList("SELECT session_id FROM agent_session_open WHERE campaign_id = ? AND user_id = ?",
                Long.class, campaignId, userId).stream().findFirst().map(AgentSessionId::of);
    }

    /** The open sessions of a campaign. */
    public List<AgentSessionId> openSessions(long campaignId) {
        return jdbc.queryForList("SELECT session_id FROM agent_session_open WHERE campaign_id = ? ORDER BY session_id",
                Long.class, campaignId).stream().map(AgentSessionId::of).toList();
    }

    /** Whether the session is still open (not logged out); consistent with the events, not eventually. */
    public boolean isOpen(long sessionId) {
        return !jdbc.queryForList("SELECT 1 FROM agent_session_open WHERE session_id = ?", Integer.class, sessionId).isEmpty();
    }

    public Optional<Entry> find(long sessionId) {
        return jdbc.query("SELECT session_id, campaign_id, account_id, user_id FROM agent_session_directory WHERE session_id = ?",
                (rs, i) -> new Entry(AgentSessionId.of(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getString(4)),
                sessionId).stream().findFirst();
    }
}
