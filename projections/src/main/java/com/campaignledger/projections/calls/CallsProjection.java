package com.campaignledger.projections.calls;

import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * call_record: one row per dial attempt, from the campaign's CallResultRecorded and the agent session's
 * AgentResponseStored, whichever comes first (they are two aggregates' events, so one segment keeps them in order
 * of the store). A redelivered event writes the same values again.
 */
@Component
@ProcessingGroup(CallsProjection.PROCESSING_GROUP)
public class CallsProjection {

    public static final String PROCESSING_GROUP = "calls";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    CallsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CallResultRecordedEvent e) {
        Object[] values = {
            e.number(),
            e.result().name(),
            e.attempt(),
            e.startTime() == null ? null : Timestamp.from(e.startTime()),
            e.durationSeconds(),
            e.agentSessionId(),
            e.violation() == null ? null : e.violation().name(),
            e.campaignId().value(),
            e.callId()
        };
        if (jdbc.update(
                        "UPDATE call_record SET number = ?, result = ?, attempt = ?, started_at = ?, duration_seconds = ?, "
                                + "agent_session_id = COALESCE(?, agent_session_id), violation = ? "
                                + "WHERE campaign_id = ? AND call_id = ?",
                        values)
                == 0) {
            jdbc.update(
                    "INSERT INTO call_record (number, result, attempt, started_at, duration_seconds, agent_session_id, "
                            + "violation, campaign_id, call_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values);
        }
    }

    @EventHandler
    void on(AgentResponseStoredEvent e) {
        Object[] values = {
            e.sessionId().value(), e.agentResponse(), e.agentNotes(), write(e), e.campaignId(), e.callId(), e.number()
        };
        if (jdbc.update(
                        "UPDATE call_record SET agent_session_id = ?, agent_response = ?, agent_notes = ?, stored_data = ? "
                                + "WHERE campaign_id = ? AND call_id = ? AND number = ?",
                        values)
                == 0) {
            jdbc.update(
                    "INSERT INTO call_record (agent_session_id, agent_response, agent_notes, stored_data, campaign_id, "
                            + "call_id, number) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    values);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM call_record");
    }

    private static String write(AgentResponseStoredEvent e) {
        if (e.storedData() == null || e.storedData().isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(e.storedData());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
