package com.campaignledger.idempotency;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Idempotency keys are kept for {@code ledger.idempotency.retention} (7 days by default): long enough for any
 * client's retries, and the table does not grow for ever. A request repeated under a key after that runs again.
 * Every instance purges; the deletes of two instances at once only share the work.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);
    private static final int BATCH = 10_000;

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;

    IdempotencyPurge(
            IdempotencyStore store, Clock clock, @Value("${ledger.idempotency.retention:7d}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("ledger.idempotency.retention must be positive, not " + retention);
        }
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes every key older than the retention; returns how many. */
    @Scheduled(
            initialDelayString = "${ledger.idempotency.purge-every:PT1H}",
            fixedDelayString = "${ledger.idempotency.purge-every:PT1H}")
    public int purge() {
        int total = 0;
        int deleted;
        do {
            deleted = store.purgeBefore(clock.instant().minus(retention), BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Purged {} idempotency keys older than {}", total, retention);
        }
        return total;
    }
}
