package com.campaignledger.projections.calls;

import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * call_record: one row per dial attempt, from the campaign's CallResultRecorded and the agent session's
 * AgentResponseStored, whichever comes first (they are two aggregates' events, so one segment keeps them in order
 * of the store). A redelivered event writes the same values again.
 * <p>
 * call_result_total keeps each campaign's calls by result in the same transaction, moved only when a call's result
 * changes (a redelivery moves nothing): the meters read those few rows rather than count every call.
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
        long campaignId = e.campaignId().value();
        List<String> previous = jdbc.queryForList(
                "SELECT result FROM call_record WHERE campaign_id = ? AND call_id = ?",
                String.class,
                campaignId,
                e.callId());
        if (previous.isEmpty()) {
            jdbc.update(
                    "INSERT INTO call_record (number, result, attempt, started_at, duration_seconds, agent_session_id, "
                            + "violation, campaign_id, call_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values);
        } else {
            jdbc.update(
                    "UPDATE call_record SET number = ?, result = ?, attempt = ?, started_at = ?, duration_seconds = ?, "
                            + "agent_session_id = COALESCE(?, agent_session_id), violation = ? "
                            + "WHERE campaign_id = ? AND call_id = ?",
                    values);
        }
        String was = previous.isEmpty() ? null : previous.get(0);
        String result = e.result().name();
        if (!result.equals(was)) {
            if (was != null) {
                count(campaignId, was, -1);
            }
            count(campaignId, result, 1);
        }
    }

    private void count(long campaignId, String result, int calls) {
        if (jdbc.update(
                        "UPDATE call_result_total SET calls = calls + ? WHERE campaign_id = ? AND result = ?",
                        calls,
                        campaignId,
                        result)
                == 0) {
            jdbc.update(
                    "INSERT INTO call_result_total (campaign_id, result, calls) VALUES (?, ?, ?)",
                    campaignId,
                    result,
                    calls);
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
        jdbc.update("DELETE FROM call_result_total");
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
