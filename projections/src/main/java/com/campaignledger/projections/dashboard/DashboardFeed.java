package com.campaignledger.projections.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's live figures for whoever watches them: one thread looks every half second whether a watched
 * account's read models moved and hands the changed figures to that account's subscribers; between changes a
 * heartbeat tells them when the figures were last read, so their age can be shown. Subscribers come in groups (a
 * signed-in session), a group holds a few at most, and a group ends as a whole.
 */
public class DashboardFeed {

    /** Someone watching an account's figures; {@code deliver} returns false once it is gone. */
    public interface Subscriber {
        boolean deliver(String event, Object data);

        /** The feed is over for it. */
        void end();
    }

    /** The figures, pushed when they moved. */
    public static final String FIGURES = "figures";
    /** Nothing moved: the figures were read again at {@code readAt}. */
    public static final String CHECKED = "checked";

    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);
    /** Rows written behind their token (a dead letter retried, a set-based replay) show within this. */
    private static final Duration READ_ANYWAY_EVERY = Duration.ofSeconds(5);

    private record Watch(String group, String accountId, Subscriber subscriber) {}

    private final DashboardSnapshots snapshots;
    private final Clock clock;
    private final int perGroup;
    private final Map<String, List<Watch>> byGroup = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-feed");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastHeartbeat = Instant.EPOCH;
    /** What the last full read saw of the read models ({@link DashboardSnapshots#sourcesMark}), its day and time. */
    private List<String> lastMark = List.of();

    private LocalDate lastDay;
    private volatile Instant lastFullRead = Instant.EPOCH;

    /** @param clock the call flow's clock: the day the rolling drop rate ends with */
    public DashboardFeed(DashboardSnapshots snapshots, Clock clock, int perGroup) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.perGroup = perGroup;
        checker.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Adds the subscriber to the group and hands it the account's figures at once; false when the group has its
     * share of subscribers already.
     */
    public boolean subscribe(String group, String accountId, Subscriber subscriber) {
        List<Watch> watches = byGroup.computeIfAbsent(group, id -> new CopyOnWriteArrayList<>());
        synchronized (watches) {
            if (watches.size() >= perGroup) {
                return false;
            }
            Watch watch = new Watch(group, accountId, subscriber);
            watches.add(watch);
            DashboardSnapshot first =
                    snapshots.last(accountId).orElseGet(() -> snapshots.read(accountId, today(), clock.instant()));
            deliver(watch, FIGURES, first);
            lastFullRead = Instant.EPOCH; // the next look reads afresh what it was handed from before
            return true;
        }
    }

    public void unsubscribe(String group, Subscriber subscriber) {
        List<Watch> watches = byGroup.get(group);
        if (watches != null) {
            watches.stream()
                    .filter(watch -> watch.subscriber() == subscriber)
                    .findFirst()
                    .ifPresent(this::remove);
        }
    }

    /** Ends the group's subscribers (a session that ended). */
    public void endGroup(String group) {
        List<Watch> watches = byGroup.remove(group);
        if (watches != null) {
            watches.forEach(watch -> {
                remove(watch);
                watch.subscriber().end();
            });
        }
    }

    /** Ends every subscriber: the service stops. */
    public void stop() {
        checker.shutdownNow();
        List.copyOf(byGroup.keySet()).forEach(this::endGroup);
    }

    private void check() {
        try {
            Instant now = clock.instant();
            List<Watch> all = byGroup.values().stream().flatMap(List::stream).toList();
            if (all.isEmpty()) {
                return;
            }
            // Reading every watched account's figures costs a few queries per campaign: only when the read models
            // moved (one query on their tokens), or the day turned, or a while has passed.
            List<String> mark = snapshots.sourcesMark();
            LocalDate day = today();
            boolean moved = !mark.equals(lastMark)
                    || !day.equals(lastDay)
                    || Duration.between(lastFullRead, now).compareTo(READ_ANYWAY_EVERY) >= 0;
            if (moved) {
                lastMark = mark;
                lastDay = day;
                lastFullRead = now;
                readChanged(all, now);
            }
            if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT_EVERY) >= 0) {
                lastHeartbeat = now;
                all.forEach(watch -> deliver(watch, CHECKED, Map.of("readAt", now.toString())));
            }
        } catch (RuntimeException e) {
            // The next look tries again: one failed read must not end the feed.
            log.warn("Reading the dashboard's figures failed: {}", e.toString());
        }
    }

    private void readChanged(List<Watch> all, Instant now) {
        all.stream()
                .map(Watch::accountId)
                .distinct()
                .forEach(account -> snapshots
                        .changed(account, today(), now)
                        .ifPresent(snapshot -> all.stream()
                                .filter(watch -> watch.accountId().equals(account))
                                .forEach(watch -> deliver(watch, FIGURES, snapshot))));
    }

    private void deliver(Watch watch, String event, Object data) {
        if (!watch.subscriber().deliver(event, data)) {
            remove(watch);
        }
    }

    private void remove(Watch watch) {
        List<Watch> watches = byGroup.get(watch.group());
        if (watches != null) {
            watches.remove(watch);
            if (watches.isEmpty()) {
                byGroup.remove(watch.group(), watches);
            }
        }
        boolean watched = byGroup.values().stream()
                .flatMap(List::stream)
                .anyMatch(other -> other.accountId().equals(watch.accountId()));
        if (!watched) {
            snapshots.forget(watch.accountId());
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
