package com.campaignledger.notifications.delivery;

import com.campaignledger.notifications.outbox.DeliveryRepository;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries for one worker, so several instances share the outbox without sending a row twice
 * at once. On PostgreSQL the candidates are locked with {@code FOR UPDATE SKIP LOCKED}, so concurrent
 * workers pass each other instead of queueing on the same rows; everywhere, each row is then leased with
 * an atomic conditional UPDATE, which alone decides who owns it. The lease expires, so a worker that dies
 * mid-attempt only delays that row.
 */
@Component
class DeliveryClaimer {

    private final DeliveryRepository deliveries;
    private final TransactionTemplate transactions;
    private final boolean skipLocked;

    DeliveryClaimer(DeliveryRepository deliveries, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.skipLocked = isPostgres(jdbc);
    }

    /**
     * Leases up to {@code limit} due deliveries, at most {@code room.get(endpoint)} per endpoint (an endpoint
     * missing from {@code room} has {@code defaultRoom}); {@code full} endpoints are not even looked at.
     */
    List<String> claim(
            String owner,
            Instant now,
            Instant leaseUntil,
            int limit,
            Set<String> full,
            Map<String, Integer> room,
            int defaultRoom) {
        return transactions.execute(tx -> {
            Map<String, Integer> left = new HashMap<>(room);
            List<String> claimed = new ArrayList<>();
            // A few more candidates than slots, in case several wait for the same busy endpoint.
            for (DeliveryRepository.Candidate c : deliveries.candidates(now, limit * 4, full, skipLocked)) {
                if (claimed.size() == limit) {
                    break;
                }
                int free = left.getOrDefault(c.endpointKey(), defaultRoom);
                if (free > 0 && deliveries.lease(c.id(), owner, now, leaseUntil)) {
                    left.put(c.endpointKey(), free - 1);
                    claimed.add(c.id());
                }
            }
            return claimed;
        });
    }

    private static boolean isPostgres(JdbcTemplate jdbc) {
        try {
            String product =
                    JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(), DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase().contains("postgres");
        } catch (Exception e) {
            return false;
        }
    }
}
