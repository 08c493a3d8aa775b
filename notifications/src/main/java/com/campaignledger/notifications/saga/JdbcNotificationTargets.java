package com.campaignledger.notifications.saga;

import com.campaignledger.notifications.api.PostbackKind;
import com.campaignledger.notifications.api.TriggerEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link NotificationTargets} read from the subscription and postback tables. */
@Repository
class JdbcNotificationTargets implements NotificationTargets {

    private final JdbcTemplate jdbc;

    JdbcNotificationTargets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> subscriptions(String accountId, TriggerEvent trigger, long campaignId, Instant eventTime) {
        return jdbc.queryForList(
                "SELECT id FROM notification_subscription WHERE account_id = ? AND trigger_event = ? "
                        + "AND deleted = FALSE AND enabled = TRUE AND (campaign_id IS NULL OR campaign_id = ?) AND created <= ? "
                        + "ORDER BY id",
                Long.class,
                accountId,
                trigger.name(),
                campaignId,
                Timestamp.from(eventTime));
    }

    @Override
    public List<Long> postbacks(String accountId, PostbackKind kind, long campaignId, Instant eventTime) {
        // The campaign's own URL (campaign_id = its id) wins over the account-wide one (campaign_id = 0).
        return jdbc
                .queryForList(
                        "SELECT id FROM legacy_postback WHERE account_id = ? AND kind = ? AND active = TRUE "
                                + "AND campaign_id IN (0, ?) AND created <= ? ORDER BY campaign_id DESC",
                        Long.class,
                        accountId,
                        kind.name(),
                        campaignId,
                        Timestamp.from(eventTime))
                .stream()
                .limit(1)
                .toList();
    }
}
