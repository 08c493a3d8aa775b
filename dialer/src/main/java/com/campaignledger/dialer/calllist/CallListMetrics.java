package com.campaignledger.dialer.calllist;

import com.campaignledger.campaign.api.CampaignStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbers still to be dialled to a final result, over every campaign, by the campaign's status: those of RUNNING
 * campaigns are the dialers' work now. One grouped count of the call list, read at most once per
 * {@code ledger.metrics.refresh} however many series a scrape reads.
 */
@Component
class CallListMetrics {

    private final JdbcTemplate jdbc;
    private final long refreshNanos;
    private Map<String, Long> pending = Map.of();
    private long readAt;
    private boolean read;

    CallListMetrics(JdbcTemplate jdbc, MeterRegistry meters, @Value("${ledger.metrics.refresh:5s}") Duration refresh) {
        this.jdbc = jdbc;
        this.refreshNanos = refresh.toNanos();
        for (CampaignStatus status : CampaignStatus.values()) {
            Gauge.builder("ledger.numbers.pending", this, m -> m.pending(status.name()))
                    .tag("campaignStatus", status.name())
                    .description(
                            "Numbers not yet dialled to a final result (nor scrubbed or removed), by the status of "
                                    + "their campaign")
                    .register(meters);
        }
    }

    private synchronized long pending(String status) {
        long now = System.nanoTime();
        if (!read || now - readAt >= refreshNanos) {
            Map<String, Long> counts = new HashMap<>();
            // PENDING, LEASED and RETRY_WAIT of NumberStates: a scrubbed or removed number is done too. Counted
            // campaign
            // by campaign through the index on (campaign_id, done): the numbers still to dial, not every number ever.
            jdbc.query(
                    "SELECT status, SUM(pending) FROM (SELECT c.status, (SELECT COUNT(*) FROM dialer_number n "
                            + "WHERE n.campaign_id = c.campaign_id AND n.done = FALSE) AS pending "
                            + "FROM dialer_campaign c) t GROUP BY status",
                    row -> {
                        counts.put(row.getString(1), row.getLong(2));
                    });
            pending = counts;
            readAt = now;
            read = true;
        }
        return pending.getOrDefault(status, 0L);
    }
}
