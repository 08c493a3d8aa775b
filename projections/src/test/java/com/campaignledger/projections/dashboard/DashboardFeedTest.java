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

    private final AtomicInteger detailReads = new AtomicInteger();

    private final DashboardDetails details = new DashboardDetails(null, null, null) {
        @Override
        public CampaignDetails read(String accountId, long campaignId, Instant at) {
            return new CampaignDetails(campaignId, List.of(), List.of(), List.of(), at, at);
        }

        @Override
        public Optional<CampaignDetails> changed(String accountId, long campaignId, Instant at) {
            detailReads.incrementAndGet();
            return Optional.empty();
        }
    };

    private static final DashboardFeed.Watching ACME = new DashboardFeed.Watching("acme", null, false);

    @Test
    void figuresAreReadAgainOnlyWhenTheirReadModelsMoved() throws Exception {
        DashboardFeed feed = new DashboardFeed(snapshots, details, null, clock, 3);
        try {
            assertThat(feed.subscribe("session", "page", ACME, new Silent())).isTrue();
            waitFor(() -> reads.get() >= 1); // a new subscriber: read afresh
            int settling = looks.get();
            waitFor(() -> looks.get() >= settling + 2);
            int read = reads.get();
            int looked = looks.get();
            waitFor(() -> looks.get() >= looked + 3);
            assertThat(reads.get()).as("the tokens stood still").isEqualTo(read);

            mark.set(List.of("campaign-stats/0/2"));
            waitFor(() -> reads.get() == read + 1);

            now.set(now.get().plusSeconds(5));
            waitFor(() -> reads.get() == read + 2); // rows written behind their token show within a while
            int after = looks.get();
            waitFor(() -> looks.get() >= after + 3);
            assertThat(reads.get()).isEqualTo(read + 2);
        } finally {
            feed.stop();
        }
    }

    @Test
    void aCampaignsDetailsAreReadAgainOnlyWhenTheirOwnReadModelsMoved() throws Exception {
        DashboardFeed feed = new DashboardFeed(snapshots, details, null, clock, 3);
        try {
            feed.subscribe("session", "page", new DashboardFeed.Watching("acme", 7L, false), new Silent());
            waitFor(() -> detailReads.get() >= 1 && reads.get() >= 1);
            int settling = looks.get();
            waitFor(() -> looks.get() >= settling + 2);
            int read = reads.get();
            int detailRead = detailReads.get();

            mark.set(List.of("campaign-stats/0/2"));
            waitFor(() -> reads.get() == read + 1);
            int looked = looks.get();
            waitFor(() -> looks.get() >= looked + 3);
            assertThat(detailReads.get())
                    .as("only the figures' read models moved")
                    .isEqualTo(detailRead);

            mark.set(List.of("campaign-stats/0/2", "campaign-history/0/5"));
            waitFor(() -> detailReads.get() == detailRead + 1);
            assertThat(reads.get()).as("the details' read models only").isEqualTo(read + 1);
        } finally {
            feed.stop();
        }
    }

    @Test
    void aPageWatchingSomethingElseReplacesItsStreamAndASessionHoldsAFewPages() {
        DashboardFeed feed = new DashboardFeed(snapshots, details, null, clock, 2);
        try {
            Silent first = new Silent();
            Silent second = new Silent();
            assertThat(feed.subscribe("session", "tab-1", ACME, first)).isTrue();
            assertThat(feed.subscribe("session", "tab-1", new DashboardFeed.Watching("acme", 7L, false), second))
                    .isTrue();
            assertThat(first.ended).as("replaced").isTrue();
            // The feed's own look may have told the page meanwhile that it checked: only what it was sent counts here.
            assertThat(second.delivered)
                    .filteredOn(event -> !event.equals(DashboardFeed.CHECKED))
                    .containsExactly(DashboardFeed.FIGURES, DashboardFeed.DETAILS);
            assertThat(feed.subscribe("session", "tab-2", ACME, new Silent())).isTrue();
            assertThat(feed.subscribe("session", "tab-3", ACME, new Silent()))
                    .as("two pages at most")
                    .isFalse();
            assertThat(feed.subscribe("other-session", "tab-3", ACME, new Silent()))
                    .isTrue();
        } finally {
            feed.stop();
        }
    }

    @Test
    void theOperationsViewIsPushedWhenItChangedAndReadAtEveryLookWhileAReplayRuns() throws Exception {
        AtomicInteger operationReads = new AtomicInteger();
        AtomicReference<DashboardFeed.Reading> reading =
                new AtomicReference<>(new DashboardFeed.Reading("idle", false));
        DashboardFeed.Operations operations = at -> {
            operationReads.incrementAndGet();
            return reading.get();
        };
        DashboardFeed feed = new DashboardFeed(snapshots, details, operations, clock, 3);
        try {
            Silent admin = new Silent();
            feed.subscribe("session", "page", new DashboardFeed.Watching("acme", null, true), admin);
            waitFor(() -> operationReads.get() >= 2); // once for the subscriber, once at the look after
            int looked = looks.get();
            waitFor(() -> looks.get() >= looked + 3);
            int idle = operationReads.get();
            assertThat(idle).as("nothing moved").isLessThanOrEqualTo(3);
            assertThat(admin.delivered).containsOnlyOnce(DashboardFeed.OPERATIONS);

            reading.set(new DashboardFeed.Reading("replaying 10 %", true));
            feed.nudge();
            waitFor(() -> admin.delivered.stream()
                            .filter(DashboardFeed.OPERATIONS::equals)
                            .count()
                    == 2);
            int replaying = operationReads.get();
            waitFor(() -> operationReads.get() >= replaying + 3); // no token moved: read anyway while it runs
        } finally {
            feed.stop();
        }
    }

    /** One view for the whole service: two ADMIN pages of two accounts cost one read per look, not two. */
    @Test
    void theOperationsViewIsReadOncePerLookWhoeverWatchesIt() throws Exception {
        AtomicInteger operationReads = new AtomicInteger();
        DashboardFeed.Operations replaying = at -> {
            operationReads.incrementAndGet();
            return new DashboardFeed.Reading("replaying", true); // read at every look
        };
        DashboardFeed feed = new DashboardFeed(snapshots, details, replaying, clock, 3);
        try {
            Silent acme = new Silent();
            Silent globex = new Silent();
            feed.subscribe("session-1", "page", new DashboardFeed.Watching("acme", null, true), acme);
            feed.subscribe("session-2", "page", new DashboardFeed.Watching("globex", null, true), globex);
            assertThat(operationReads.get())
                    .as("the second page is handed the first one's reading")
                    .isEqualTo(1);
            waitFor(() -> looks.get() >= 2);
            int reads = operationReads.get();
            int looked = looks.get();
            waitFor(() -> looks.get() >= looked + 4);
            int looksSince = looks.get() - looked;
            assertThat(operationReads.get() - reads).isBetween(looksSince - 1, looksSince + 1);
            assertThat(acme.delivered).contains(DashboardFeed.OPERATIONS);
            assertThat(globex.delivered).contains(DashboardFeed.OPERATIONS);
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
        final List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean ended;

        @Override
        public boolean deliver(String event, Object data) {
            delivered.add(event);
            return true;
        }

        @Override
        public void end() {
            ended = true;
        }
    }
}
