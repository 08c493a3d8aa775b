package com.campaignledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The feed reads a watched account's figures (a few queries per campaign) only when the read models they come from
 * moved, the day turned, or a while has passed; otherwise one look at their tokens.
 */
class DashboardFeedTest {

    private final AtomicReference<List<String>> mark = new AtomicReference<>(List.of("campaign-stats/0/1"));
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger looks = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T15:00:00Z"));

    private final DashboardSnapshots snapshots = new DashboardSnapshots(null, null, null, null, null) {
        @Override
        public List<String> sourcesMark() {
            looks.incrementAndGet();
            return mark.get();
        }

        @Override
        public Optional<DashboardSnapshot> changed(String accountId, LocalDate today, Instant at) {
            reads.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public Optional<DashboardSnapshot> last(String accountId) {
            return Optional.of(new DashboardSnapshot(now.get(), List.of()));
        }
    };

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void figuresAreReadAgainOnlyWhenTheirReadModelsMoved() throws Exception {
        DashboardFeed feed = new DashboardFeed(snapshots, clock, 3);
        try {
            assertThat(feed.subscribe("session", "acme", new Silent())).isTrue();
            waitFor(() -> reads.get() == 1); // a new subscriber: read afresh
            int looked = looks.get();
            waitFor(() -> looks.get() >= looked + 3);
            assertThat(reads.get()).as("the tokens stood still").isEqualTo(1);

            mark.set(List.of("campaign-stats/0/2"));
            waitFor(() -> reads.get() == 2);

            now.set(now.get().plusSeconds(5));
            waitFor(() -> reads.get() == 3); // rows written behind their token show within a while
            int after = looks.get();
            waitFor(() -> looks.get() >= after + 3);
            assertThat(reads.get()).isEqualTo(3);
        } finally {
            feed.stop();
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static final class Silent implements DashboardFeed.Subscriber {
        @Override
        public boolean deliver(String event, Object data) {
            return true;
        }

        @Override
        public void end() {}
    }
}
