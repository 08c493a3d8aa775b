package com.campaignledger.projections.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's live views for whoever watches them: an account's campaign figures, the details of the campaign a
 * page has open, and for ADMIN the operations view. One thread looks every half second whether the read models a view
 * comes from moved, reads that view again once for all its watchers, and hands it to them when it changed; between
 * changes a heartbeat tells them when the views were last checked, so their age can be shown. Subscribers come in
 * groups (a signed-in session), a group holds a few at most (one per open page: a page that watches something else
 * replaces its own subscription), and a group ends as a whole.
 */
public class DashboardFeed {

    /** Someone watching an account's views; {@code deliver} returns false once it is gone. */
    public interface Subscriber {
        boolean deliver(String event, Object data);

        /** The feed is over for it. */
        void end();
    }

    /**
     * The operations view, read by the module that knows it (processors, dead letters, deliveries are not read
     * models); compared with {@code equals} to the one read before. One view for the whole service (ADMIN credentials
     * administer every account), so it is read once per look, however many ADMIN pages watch it.
     */
    public interface Operations {
        Reading read(Instant now);
    }

    /** An operations view as read, and whether it moves without any token moving (a replay under way). */
    public record Reading(Object view, boolean moving) {}

    /** A view as pushed: as it is since {@code changedAt}. */
    public record Stamped(Instant changedAt, Object view) {}

    /**
     * What a page watches: the account's figures always, a campaign's details when one is open, the operations view
     * for ADMIN.
     */
    public record Watching(String accountId, Long campaignId, boolean operations) {}

    /** The figures, pushed when they moved. */
    public static final String FIGURES = "figures";
    /** A campaign's details ({@link CampaignDetails}), pushed when they moved. */
    public static final String DETAILS = "details";
    /** The operations view, pushed when it moved. */
    public static final String OPERATIONS = "operations";
    /** Nothing moved: the views were checked again at {@code readAt}. */
    public static final String CHECKED = "checked";

    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);
    /** Rows written behind their token (a dead letter retried, a set-based replay, a delivery) show within this. */
    private static final Duration READ_ANYWAY_EVERY = Duration.ofSeconds(5);

    private record Watch(String group, String page, Watching what, Subscriber subscriber) {}

    private record Detail(String accountId, long campaignId) {}

    private final DashboardSnapshots snapshots;
    private final DashboardDetails details;
    private final Operations operations;
    private final Clock clock;
    private final int perGroup;
    private final Map<String, List<Watch>> byGroup = new ConcurrentHashMap<>();
    /** The operations view as last read and as last pushed; null while no ADMIN page watches it. */
    private volatile Reading lastOperations;

    private volatile Stamped lastPushed;
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

    /**
     * @param details    null when no details are pushed
     * @param operations null when no operations view is pushed
     * @param clock      the call flow's clock: the day the rolling drop rate ends with
     */
    public DashboardFeed(
            DashboardSnapshots snapshots, DashboardDetails details, Operations operations, Clock clock, int perGroup) {
        this.snapshots = snapshots;
        this.details = details;
        this.operations = operations;
        this.clock = clock;
        this.perGroup = perGroup;
        checker.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Adds the subscriber to the group, in place of the page's earlier subscription if any, and hands it what it
     * watches at once; false when the group has its share of pages already.
     */
    public boolean subscribe(String group, String page, Watching what, Subscriber subscriber) {
        List<Watch> watches = byGroup.computeIfAbsent(group, id -> new CopyOnWriteArrayList<>());
        synchronized (watches) {
            Optional<Watch> before =
                    watches.stream().filter(watch -> watch.page().equals(page)).findFirst();
            if (before.isEmpty() && watches.size() >= perGroup) {
                return false;
            }
            Watch watch = new Watch(group, page, what, subscriber);
            watches.add(watch);
            byGroup.putIfAbsent(group, watches);
            before.ifPresent(old -> {
                remove(old);
                old.subscriber().end();
            });
            Instant now = clock.instant();
            String account = what.accountId();
            deliver(watch, FIGURES, snapshots.last(account).orElseGet(() -> snapshots.read(account, today(), now)));
            if (what.campaignId() != null && details != null) {
                long campaign = what.campaignId();
                deliver(
                        watch,
                        DETAILS,
                        details.last(account, campaign).orElseGet(() -> details.read(account, campaign, now)));
            }
            if (what.operations() && operations != null) {
                if (lastPushed == null) {
                    Reading reading = operations.read(now);
                    lastOperations = reading;
                    lastPushed = new Stamped(now, reading.view());
                }
                deliver(watch, OPERATIONS, lastPushed);
            }
            nudge(); // the next look reads afresh what it was handed from before
            return true;
        }
    }

    /** Reads every view again at the next look: something moved that no token shows (an operator's action). */
    public void nudge() {
        lastFullRead = Instant.EPOCH;
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
            // Reading a view costs a few queries per campaign: only when the read models it comes from moved (one
            // query on their tokens), or the day turned, or a while has passed.
            List<String> mark = snapshots.sourcesMark();
            LocalDate day = today();
            boolean anyway =
                    !day.equals(lastDay) || Duration.between(lastFullRead, now).compareTo(READ_ANYWAY_EVERY) >= 0;
            List<String> before = lastMark;
            lastMark = mark;
            lastDay = day;
            if (anyway) {
                lastFullRead = now;
            }
            if (anyway || moved(before, mark, DashboardSnapshots.SOURCES)) {
                readFigures(all, now);
            }
            if (details != null && (anyway || moved(before, mark, DashboardDetails.SOURCES))) {
                readDetails(all, now);
            }
            boolean replaying = lastOperations != null && lastOperations.moving();
            if (operations != null && (anyway || replaying || !mark.equals(before))) {
                readOperations(all, now);
            }
            if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT_EVERY) >= 0) {
                lastHeartbeat = now;
                all.forEach(watch -> deliver(watch, CHECKED, Map.of("readAt", now.toString())));
            }
        } catch (RuntimeException e) {
            // The next look tries again: one failed read must not end the feed.
            log.warn("Reading the dashboard's views failed: {}", e.toString());
        }
    }

    /** Whether a token of these processors moved. */
    private static boolean moved(List<String> before, List<String> now, List<String> processors) {
        return !of(before, processors).equals(of(now, processors));
    }

    private static List<String> of(List<String> mark, List<String> processors) {
        return mark.stream()
                .filter(token -> processors.contains(token.substring(0, Math.max(0, token.indexOf('/')))))
                .toList();
    }

    private void readFigures(List<Watch> all, Instant now) {
        all.stream()
                .map(watch -> watch.what().accountId())
                .distinct()
                .forEach(account -> snapshots
                        .changed(account, today(), now)
                        .ifPresent(snapshot -> all.stream()
                                .filter(watch -> watch.what().accountId().equals(account))
                                .forEach(watch -> deliver(watch, FIGURES, snapshot))));
    }

    private void readDetails(List<Watch> all, Instant now) {
        all.stream()
                .map(DashboardFeed::detail)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(detail -> details.changed(detail.accountId(), detail.campaignId(), now)
                        .ifPresent(read -> all.stream()
                                .filter(watch -> detail.equals(detail(watch)))
                                .forEach(watch -> deliver(watch, DETAILS, read))));
    }

    private void readOperations(List<Watch> all, Instant now) {
        List<Watch> admins =
                all.stream().filter(watch -> watch.what().operations()).toList();
        if (admins.isEmpty()) {
            return;
        }
        Reading reading = operations.read(now);
        lastOperations = reading;
        Stamped previous = lastPushed;
        if (previous == null || !previous.view().equals(reading.view())) {
            Stamped pushed = new Stamped(now, reading.view());
            lastPushed = pushed;
            admins.forEach(watch -> deliver(watch, OPERATIONS, pushed));
        }
    }

    private static Detail detail(Watch watch) {
        Long campaign = watch.what().campaignId();
        return campaign == null ? null : new Detail(watch.what().accountId(), campaign);
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
        List<Watching> left =
                byGroup.values().stream().flatMap(List::stream).map(Watch::what).toList();
        String account = watch.what().accountId();
        if (left.stream().noneMatch(other -> other.accountId().equals(account))) {
            snapshots.forget(account);
        }
        if (left.stream().noneMatch(Watching::operations)) {
            lastOperations = null;
            lastPushed = null;
        }
        Long campaign = watch.what().campaignId();
        if (campaign != null
                && details != null
                && left.stream()
                        .noneMatch(other -> other.accountId().equals(account) && campaign.equals(other.campaignId()))) {
            details.forget(account, campaign);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
