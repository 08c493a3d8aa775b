package com.campaignledger.notifications.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The notification_audit table, written in the transaction of the change it records. Values are the
 * public views of subscriptions and postbacks, which have no secret in them.
 */
@Repository
public class NotificationAuditLog {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NotificationAuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(
            AuditContext context, String entityType, String entityId, String action, Object oldValue, Object newValue) {
        jdbc.update(
                "INSERT INTO notification_audit (account_id, entity_type, entity_id, action, actor, request_id, "
                        + "correlation_id, at, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                context.accountId(),
                entityType,
                entityId,
                action,
                context.actor(),
                context.requestId(),
                context.correlationId(),
                Timestamp.from(clock.instant()),
                write(oldValue),
                write(newValue));
    }

    public List<NotificationAuditEntry> history(String accountId, String entityType, String entityId) {
        return jdbc.query(
                "SELECT id, entity_type, entity_id, action, actor, request_id, correlation_id, at, old_value, "
                        + "new_value FROM notification_audit WHERE account_id = ? AND entity_type = ? AND entity_id = ? ORDER BY id",
                (rs, i) -> new NotificationAuditEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        read(rs.getString(9)),
                        read(rs.getString(10))),
                accountId,
                entityType,
                entityId);
    }

    private static String write(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit value", e);
        }
    }

    private static JsonNode read(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read audit value", e);
        }
    }
}
