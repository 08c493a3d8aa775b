package com.campaignledger.projections.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** QueryCalls / GetCall: an account's dial attempts (through its campaigns), newest first. */
@Component
public class CallQueries {

    /** One dial attempt with what the agent made of it. */
    public record Call(
            String callId,
            long campaignId,
            String number,
            String result,
            Integer attempt,
            Instant startTime,
            Integer durationSeconds,
            Long agentId,
            String agentResponse,
            String agentNotes,
            Map<String, String> storedData,
            String violation) {}

    /** The filters of QueryCalls; null ones do not filter. */
    public record Filter(
            String accountId,
            Long campaignId,
            String number,
            String result,
            Long agentId,
            Instant from,
            Instant to,
            int page,
            int size) {}

    public record CallPage(List<Call> content, int page, int size, long totalElements) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "c.call_id, c.campaign_id, c.number, c.result, c.attempt, c.started_at, "
            + "c.duration_seconds, c.agent_session_id, c.agent_response, c.agent_notes, c.stored_data, c.violation";

    private final JdbcTemplate jdbc;

    CallQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CallPage query(Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        return new CallPage(rows(f), f.page(), f.size(), total == null ? 0 : total);
    }

    private List<Call> rows(Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        args.add(f.size());
        args.add((long) f.page() * f.size());
        return jdbc.query(
                "SELECT " + COLUMNS + where + " ORDER BY c.started_at DESC, c.call_id LIMIT ? OFFSET ?",
                (rs, n) -> call(rs),
                args.toArray());
    }

    /**
     * Up to {@code size} calls the filter selects after {@code last} (null: from the first), in campaign and call id
     * order, without a count: an export reads batch after batch by key, so a call recorded meanwhile moves no other.
     */
    public List<Call> after(Filter f, Call last, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(where(f, args));
        if (last != null) {
            where.append(" AND (c.campaign_id > ? OR (c.campaign_id = ? AND c.call_id > ?))");
            args.add(last.campaignId());
            args.add(last.campaignId());
            args.add(last.callId());
        }
        args.add(size);
        return jdbc.query(
                "SELECT " + COLUMNS + where + " ORDER BY c.campaign_id, c.call_id LIMIT ?",
                (rs, n) -> call(rs),
                args.toArray());
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder where = new StringBuilder(
                " FROM call_record c JOIN campaign_view v ON v.campaign_id = c.campaign_id WHERE v.account_id = ?");
        args.add(f.accountId());
        if (f.campaignId() != null) {
            where.append(" AND c.campaign_id = ?");
            args.add(f.campaignId());
        }
        if (f.number() != null) {
            where.append(" AND c.number = ?");
            args.add(f.number());
        }
        if (f.result() != null) {
            where.append(" AND c.result = ?");
            args.add(f.result());
        }
        if (f.agentId() != null) {
            where.append(" AND c.agent_session_id = ?");
            args.add(f.agentId());
        }
        if (f.from() != null) {
            where.append(" AND c.started_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND c.started_at < ?");
            args.add(Timestamp.from(f.to()));
        }
        return where.toString();
    }

    /** GetCall: the attempt of this call id in one of the account's campaigns. */
    public Optional<Call> find(String accountId, String callId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + " FROM call_record c JOIN campaign_view v ON v.campaign_id = c.campaign_id "
                                + "WHERE v.account_id = ? AND c.call_id = ? ORDER BY c.campaign_id",
                        (rs, n) -> call(rs),
                        accountId,
                        callId)
                .stream()
                .findFirst();
    }

    private static Call call(ResultSet rs) throws SQLException {
        Timestamp started = rs.getTimestamp("started_at");
        return new Call(
                rs.getString("call_id"),
                rs.getLong("campaign_id"),
                rs.getString("number"),
                rs.getString("result"),
                (Integer) rs.getObject("attempt", Integer.class),
                started == null ? null : started.toInstant(),
                (Integer) rs.getObject("duration_seconds", Integer.class),
                (Long) rs.getObject("agent_session_id", Long.class),
                rs.getString("agent_response"),
                rs.getString("agent_notes"),
                stored(rs.getString("stored_data")),
                rs.getString("violation"));
    }

    private static Map<String, String> stored(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
