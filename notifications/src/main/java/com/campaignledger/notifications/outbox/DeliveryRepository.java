package com.campaignledger.notifications.outbox;

import com.campaignledger.notifications.subscription.PendingDeliveries;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The outbox (notification_delivery) and the delivery log (notification_attempt). */
@Repository
public class DeliveryRepository implements PendingDeliveries {

    /** A candidate for claiming: its id and the endpoint it goes to. */
    public record Candidate(String id, String endpointKey) {}

    private static final String COLUMNS = "id, subscription_id, postback_id, campaign_id, event_type, source_event_id, "
            + "endpoint, format, content_type, signed, status, attempts, next_attempt_at, created, last_attempt_at, "
            + "delivered_at, last_status_code, last_error, payload";
    private static final RowMapper<Delivery> ROW = (rs, i) -> new Delivery(
            rs.getString(1),
            rs.getObject(2, Long.class),
            rs.getObject(3, Long.class),
            rs.getObject(4, Long.class),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            rs.getBoolean(10),
            DeliveryStatus.valueOf(rs.getString(11)),
            rs.getInt(12),
            instant(rs.getTimestamp(13)),
            instant(rs.getTimestamp(14)),
            instant(rs.getTimestamp(15)),
            instant(rs.getTimestamp(16)),
            rs.getObject(17, Integer.class),
            rs.getString(18),
            rs.getString(19),
            List.of());

    private final JdbcTemplate jdbc;

    public DeliveryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the delivery unless this target already has one for this source event; true when added. */
    public boolean insertIfAbsent(NewDelivery d) {
        return jdbc.update(
                        "INSERT INTO notification_delivery (id, target, subscription_id, postback_id, account_id, "
                                + "campaign_id, event_type, source_event_id, endpoint, endpoint_key, format, content_type, payload, "
                                + "signed, status, attempts, round_attempts, next_attempt_at, created) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, 0, ?, ?) ON CONFLICT DO NOTHING",
                        d.id(),
                        d.target(),
                        d.subscriptionId(),
                        d.postbackId(),
                        d.accountId(),
                        d.campaignId(),
                        d.eventType(),
                        d.sourceEventId(),
                        d.endpoint(),
                        d.endpointKey(),
                        d.format(),
                        d.contentType(),
                        d.payload(),
                        d.signed(),
                        Timestamp.from(d.created()),
                        Timestamp.from(d.created()))
                == 1;
    }

    /**
     * Due deliveries nobody holds, oldest first, leaving out endpoints this worker has no room for. With
     * {@code skipLocked} (PostgreSQL) the rows are locked and rows another worker is claiming are skipped;
     * call it inside the claiming transaction.
     */
    public List<Candidate> candidates(
            Instant now, int limit, Collection<String> excludedEndpoints, boolean skipLocked) {
        StringBuilder sql =
                new StringBuilder("SELECT id, endpoint_key FROM notification_delivery WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now)));
        for (String excluded : excludedEndpoints) {
            sql.append(" AND endpoint_key <> ?");
            args.add(excluded);
        }
        sql.append(" ORDER BY next_attempt_at LIMIT ?");
        args.add(limit);
        if (skipLocked) {
            sql.append(" FOR UPDATE SKIP LOCKED");
        }
        return jdbc.query(sql.toString(), (rs, i) -> new Candidate(rs.getString(1), rs.getString(2)), args.toArray());
    }

    /** Takes the lease of a due row nobody holds; atomic on its own, so two workers never both win. */
    public boolean lease(String id, String owner, Instant now, Instant until) {
        return jdbc.update(
                        "UPDATE notification_delivery SET lease_owner = ?, lease_until = ? WHERE id = ? "
                                + "AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)",
                        owner,
                        Timestamp.from(until),
                        id,
                        Timestamp.from(now))
                == 1;
    }

    public Optional<DueDelivery> due(String id) {
        return jdbc
                .query(
                        "SELECT id, subscription_id, postback_id, campaign_id, event_type, endpoint, endpoint_key, format, "
                                + "content_type, payload, signed, attempts, round_attempts FROM notification_delivery WHERE id = ?",
                        (rs, i) -> new DueDelivery(
                                rs.getString(1),
                                rs.getObject(2, Long.class),
                                rs.getObject(3, Long.class),
                                rs.getObject(4, Long.class),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getBoolean(11),
                                rs.getInt(12),
                                rs.getInt(13)),
                        id)
                .stream()
                .findFirst();
    }

    /** Logs one attempt. */
    public void logAttempt(
            String id,
            int attempt,
            Instant at,
            Integer statusCode,
            long latencyMs,
            String outcome,
            String error,
            String worker) {
        jdbc.update(
                "INSERT INTO notification_attempt (delivery_id, attempt, attempted_at, status_code, latency_ms, outcome, "
                        + "error, worker) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                attempt,
                Timestamp.from(at),
                statusCode,
                latencyMs,
                outcome,
                truncate(error),
                worker);
    }

    /**
     * Ends this worker's attempt: the new status, counters and next attempt time, and the lease released.
     * Only while the worker still holds the lease: a worker that overran it changes nothing.
     */
    public boolean finishAttempt(
            String id,
            String owner,
            DeliveryStatus status,
            int attempts,
            int roundAttempts,
            Instant attemptedAt,
            Instant nextAttemptAt,
            Integer statusCode,
            String error) {
        return jdbc.update(
                        "UPDATE notification_delivery SET status = ?, attempts = ?, round_attempts = ?, "
                                + "last_attempt_at = ?, next_attempt_at = ?, delivered_at = ?, last_status_code = ?, last_error = ?, "
                                + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                        status.name(),
                        attempts,
                        roundAttempts,
                        Timestamp.from(attemptedAt),
                        Timestamp.from(nextAttemptAt),
                        status == DeliveryStatus.DELIVERED ? Timestamp.from(attemptedAt) : null,
                        statusCode,
                        truncate(error),
                        id,
                        owner)
                == 1;
    }

    /** Gives a claimed row back untouched (the worker had no room for it after all, or is stopping). */
    public void release(String id, String owner) {
        jdbc.update(
                "UPDATE notification_delivery SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                id,
                owner);
    }

    /** Cancels a claimed row whose subscription is gone or disabled; it can still be redelivered by hand. */
    public void cancel(String id, String owner, String reason, Instant at) {
        jdbc.update(
                "UPDATE notification_delivery SET status = 'CANCELLED', last_error = ?, lease_owner = NULL, "
                        + "lease_until = NULL, next_attempt_at = ? WHERE id = ? AND lease_owner = ?",
                reason,
                Timestamp.from(at),
                id,
                owner);
    }

    /** Cancels every pending delivery of a subscription. */
    @Override
    public void cancelPending(long subscriptionId, String reason, Instant at) {
        jdbc.update(
                "UPDATE notification_delivery SET status = 'CANCELLED', last_error = ?, next_attempt_at = ? "
                        + "WHERE subscription_id = ? AND status = 'PENDING'",
                reason,
                Timestamp.from(at),
                subscriptionId);
    }

    /** Queues the delivery again, due now, with a fresh round of retries (same id, so receivers de-duplicate). */
    public boolean requeue(String id, String accountId, Instant now) {
        return jdbc.update(
                        "UPDATE notification_delivery SET status = 'PENDING', round_attempts = 0, next_attempt_at = ?, "
                                + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND account_id = ?",
                        Timestamp.from(now),
                        id,
                        accountId)
                == 1;
    }

    public Optional<Delivery> find(String accountId, String id) {
        List<Delivery> found = jdbc.query(
                "SELECT " + COLUMNS + " FROM notification_delivery WHERE id = ? AND account_id = ?",
                ROW,
                id,
                accountId);
        return withAttempts(found).stream().findFirst();
    }

    /** A subscription's deliveries, newest first, with their attempts. */
    public List<Delivery> forSubscription(long subscriptionId, int page, int size) {
        return withAttempts(jdbc.query(
                "SELECT " + COLUMNS + " FROM notification_delivery WHERE subscription_id = ? "
                        + "ORDER BY created DESC, id LIMIT ? OFFSET ?",
                ROW,
                subscriptionId,
                size,
                (long) page * size));
    }

    /** An account's deliveries that failed and are retried, or were given up on: newest first, with their attempts. */
    public List<Delivery> failing(String accountId, int limit) {
        return withAttempts(jdbc.query(
                "SELECT " + COLUMNS + " FROM notification_delivery WHERE account_id = ? "
                        + "AND (status = 'DEAD' OR (status = 'PENDING' AND attempts > 0)) "
                        + "ORDER BY created DESC, id LIMIT ?",
                ROW,
                accountId,
                limit));
    }

    /** As {@link #failing(String, int)}, in every account: what an ADMIN oversees. */
    public List<AccountDelivery> failingInEveryAccount(int limit) {
        List<AccountDelivery> found = jdbc.query(
                "SELECT " + COLUMNS + ", account_id FROM notification_delivery "
                        + "WHERE status = 'DEAD' OR (status = 'PENDING' AND attempts > 0) "
                        + "ORDER BY created DESC, id LIMIT ?",
                (rs, i) -> new AccountDelivery(rs.getString(20), ROW.mapRow(rs, i)),
                limit);
        List<Delivery> withAttempts =
                withAttempts(found.stream().map(AccountDelivery::delivery).toList());
        return IntStream.range(0, found.size())
                .mapToObj(i -> new AccountDelivery(found.get(i).accountId(), withAttempts.get(i)))
                .toList();
    }

    /** The account a delivery belongs to. */
    public Optional<String> accountOf(String id) {
        return jdbc.queryForList("SELECT account_id FROM notification_delivery WHERE id = ?", String.class, id).stream()
                .findFirst();
    }

    public long countForSubscription(long subscriptionId) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_delivery WHERE subscription_id = ?", Long.class, subscriptionId);
        return n == null ? 0 : n;
    }

    private List<Delivery> withAttempts(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<String, List<Delivery.Attempt>> attempts = new LinkedHashMap<>();
        deliveries.forEach(d -> attempts.put(d.id(), new ArrayList<>()));
        String in = String.join(",", deliveries.stream().map(d -> "?").toList());
        jdbc.query(
                "SELECT delivery_id, attempt, attempted_at, outcome, status_code, latency_ms, error FROM notification_attempt "
                        + "WHERE delivery_id IN (" + in + ") ORDER BY delivery_id, attempt, id",
                rs -> {
                    attempts.get(rs.getString(1))
                            .add(new Delivery.Attempt(
                                    rs.getInt(2),
                                    instant(rs.getTimestamp(3)),
                                    rs.getString(4),
                                    rs.getObject(5, Integer.class),
                                    rs.getLong(6),
                                    rs.getString(7)));
                },
                deliveries.stream().map(Delivery::id).toArray());
        return deliveries.stream()
                .map(d -> new Delivery(
                        d.id(),
                        d.subscriptionId(),
                        d.postbackId(),
                        d.campaignId(),
                        d.eventType(),
                        d.sourceEventId(),
                        d.endpoint(),
                        d.format(),
                        d.contentType(),
                        d.signed(),
                        d.status(),
                        d.attempts(),
                        d.nextAttemptAt(),
                        d.created(),
                        d.lastAttemptAt(),
                        d.deliveredAt(),
                        d.lastStatusCode(),
                        d.lastError(),
                        d.payload(),
                        List.copyOf(attempts.get(d.id()))))
                .toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
