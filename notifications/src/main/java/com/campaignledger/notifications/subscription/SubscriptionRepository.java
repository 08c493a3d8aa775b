package com.campaignledger.notifications.subscription;

import com.campaignledger.notifications.api.NotificationFormat;
import com.campaignledger.notifications.api.TriggerEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The notification_subscription table. */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS = "id, account_id, endpoint, trigger_event, notification_format, campaign_id, "
            + "enabled, version, created, last_modified";
    private static final RowMapper<Subscription> ROW = (rs, i) -> new Subscription(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            TriggerEvent.valueOf(rs.getString(4)),
            NotificationFormat.valueOf(rs.getString(5)),
            (Long) rs.getObject(6, Long.class),
            rs.getBoolean(7),
            rs.getLong(8),
            rs.getTimestamp(9).toInstant(),
            rs.getTimestamp(10).toInstant());

    private final JdbcTemplate jdbc;

    public SubscriptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.queryForObject("SELECT nextval('notification_subscription_id_seq')", Long.class);
    }

    void insert(Subscription s, String secret) {
        jdbc.update(
                "INSERT INTO notification_subscription (" + COLUMNS + ", secret, deleted) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                s.id(),
                s.accountId(),
                s.endpoint(),
                s.triggerEvent().name(),
                s.notificationFormat().name(),
                s.campaignId(),
                s.enabled(),
                s.version(),
                Timestamp.from(s.created()),
                Timestamp.from(s.lastModified()),
                secret);
    }

    /** Writes the new state if the stored version is still the one read; false when another change came first. */
    boolean update(Subscription s, long readVersion) {
        return jdbc.update(
                        "UPDATE notification_subscription SET endpoint = ?, trigger_event = ?, notification_format = ?, "
                                + "campaign_id = ?, enabled = ?, version = ?, last_modified = ? WHERE id = ? AND version = ? AND deleted = FALSE",
                        s.endpoint(),
                        s.triggerEvent().name(),
                        s.notificationFormat().name(),
                        s.campaignId(),
                        s.enabled(),
                        s.version(),
                        Timestamp.from(s.lastModified()),
                        s.id(),
                        readVersion)
                == 1;
    }

    /** Marks it deleted and wipes its secret: nothing is signed with it any more. */
    boolean delete(long id, long readVersion, Instant at) {
        return jdbc.update(
                        "UPDATE notification_subscription SET deleted = TRUE, secret = NULL, version = version + 1, "
                                + "last_modified = ? WHERE id = ? AND version = ? AND deleted = FALSE",
                        Timestamp.from(at),
                        id,
                        readVersion)
                == 1;
    }

    /** Whether the account has (or had: deleted ones count) this subscription, whose log and trail stay readable. */
    public boolean existed(String accountId, long id) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_subscription WHERE id = ? AND account_id = ?",
                Integer.class,
                id,
                accountId);
        return count != null && count > 0;
    }

    /** A live (not deleted) subscription of the account. */
    public Optional<Subscription> find(String accountId, long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM notification_subscription WHERE id = ? AND account_id = ? "
                                + "AND deleted = FALSE",
                        ROW,
                        id,
                        accountId)
                .stream()
                .findFirst();
    }

    /** A live subscription, whatever its account: for the outbox and the delivery worker. */
    public Optional<Subscription> find(long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM notification_subscription WHERE id = ? AND deleted = FALSE",
                        ROW,
                        id)
                .stream()
                .findFirst();
    }

    /** The signing secret of a live subscription. */
    public Optional<String> secret(long id) {
        return jdbc
                .queryForList(
                        "SELECT secret FROM notification_subscription WHERE id = ? AND deleted = FALSE",
                        String.class,
                        id)
                .stream()
                .findFirst();
    }

    public SubscriptionPage list(SubscriptionQuery q) {
        StringBuilder where =
                new StringBuilder(" FROM notification_subscription WHERE account_id = ? AND deleted = FALSE");
        List<Object> args = new ArrayList<>();
        args.add(q.accountId());
        if (q.triggerEvent() != null) {
            where.append(" AND trigger_event = ?");
            args.add(q.triggerEvent().name());
        }
        if (q.campaignId() != null) {
            where.append(" AND campaign_id = ?");
            args.add(q.campaignId());
        }
        if (q.enabled() != null) {
            where.append(" AND enabled = ?");
            args.add(q.enabled());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<Subscription> content =
                jdbc.query("SELECT " + COLUMNS + where + " ORDER BY id LIMIT ? OFFSET ?", ROW, pageArgs.toArray());
        return new SubscriptionPage(content, q.page(), q.size(), total == null ? 0 : total);
    }
}
