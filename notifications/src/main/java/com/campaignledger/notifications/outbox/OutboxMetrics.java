package com.campaignledger.notifications.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox at a glance, over every account: deliveries waiting (and of them those that failed and wait for a retry),
 * dead ones, and how long the oldest due one has waited, which grows when the workers cannot keep up or are off. One
 * query of the rows not delivered (the status index), read at most once per {@code ledger.metrics.refresh}.
 */
@Component
class OutboxMetrics {

    private record Backlog(long pending, long failed, long dead, double oldestDueSeconds) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long refreshNanos;
    private Backlog backlog;
    private long readAt;

    OutboxMetrics(
            JdbcTemplate jdbc,
            Clock clock,
            MeterRegistry meters,
            @Value("${ledger.metrics.refresh:5s}") Duration refresh) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refreshNanos = refresh.toNanos();
        gauge(
                meters,
                "ledger.notifications.deliveries.pending",
                "Deliveries waiting for their (next) attempt",
                Backlog::pending);
        gauge(
                meters,
                "ledger.notifications.deliveries.failed",
                "Waiting deliveries whose last attempt failed: to be retried",
                Backlog::failed);
        gauge(
                meters,
                "ledger.notifications.deliveries.dead",
                "Deliveries given up on after their last retry (until redelivered by hand)",
                Backlog::dead);
        Gauge.builder(
                        "ledger.notifications.deliveries.oldest.due",
                        this,
                        m -> m.backlog().oldestDueSeconds())
                .baseUnit("seconds")
                .description("How long the oldest delivery due for an attempt has been waiting (0 when none is due)")
                .register(meters);
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<Backlog> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.backlog()))
                .description(description)
                .register(meters);
    }

    private synchronized Backlog backlog() {
        long now = System.nanoTime();
        if (backlog == null || now - readAt >= refreshNanos) {
            backlog = read(clock.instant());
            readAt = now;
        }
        return backlog;
    }

    private Backlog read(Instant now) {
        return jdbc.queryForObject(
                "SELECT SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'PENDING' AND round_attempts > 0 THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'DEAD' THEN 1 ELSE 0 END), "
                        + "MIN(CASE WHEN status = 'PENDING' AND next_attempt_at <= ? THEN next_attempt_at END) "
                        + "FROM notification_delivery WHERE status IN ('PENDING', 'DEAD')",
                (row, n) -> {
                    Timestamp oldestDue = row.getTimestamp(4);
                    double waited = oldestDue == null
                            ? 0
                            : Math.max(0, now.toEpochMilli() - oldestDue.getTime())
                                    / (double) TimeUnit.SECONDS.toMillis(1);
                    return new Backlog(row.getLong(1), row.getLong(2), row.getLong(3), waited);
                },
                Timestamp.from(now));
    }
}
