package com.campaignledger.projections.dashboard;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.AgentState;
import com.campaignledger.projections.agentsession.AgentSessionRepository;
import com.campaignledger.projections.agentsession.AgentSessionView;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A campaign's agents by state, each with the time it entered that state: every event of an agent session changes
 * its state, so the state began with the session's last event in the campaign's history index.
 */
@Component
public class AgentsInState {

    private final AgentSessionRepository sessions;
    private final JdbcTemplate jdbc;

    AgentsInState(AgentSessionRepository sessions, JdbcTemplate jdbc) {
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    /** The agents not logged out, by state (in the order of the states), longest in state first. */
    public List<AgentInState> of(long campaignId, String accountId) {
        Map<String, Instant> lastEvent = new HashMap<>();
        jdbc.query(
                "SELECT aggregate_identifier, MAX(occurred_at) FROM campaign_history "
                        + "WHERE campaign_id = ? AND account_id = ? GROUP BY aggregate_identifier",
                rs -> {
                    lastEvent.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                },
                campaignId,
                accountId);
        return sessions.ofCampaign(campaignId, accountId).stream()
                .filter(session -> session.state() != AgentState.LOGGED_OUT)
                .map(session -> new AgentInState(
                        session.sessionId(),
                        session.userId(),
                        session.phoneNumber(),
                        session.state(),
                        lastEvent.getOrDefault(
                                AgentSessionId.of(session.sessionId()).toString(), since(session))))
                .sorted(Comparator.comparing(AgentInState::state).thenComparing(AgentInState::since))
                .toList();
    }

    /** Before the history index has the session's events: the time the view itself knows. */
    private static Instant since(AgentSessionView session) {
        return session.loggedInAt() != null ? session.loggedInAt() : session.callbackAt();
    }
}
