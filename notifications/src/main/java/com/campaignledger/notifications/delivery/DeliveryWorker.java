package com.campaignledger.notifications.delivery;

import com.campaignledger.notifications.NotificationProperties;
import com.campaignledger.notifications.api.NotificationFormat;
import com.campaignledger.notifications.outbox.DeliveryRepository;
import com.campaignledger.notifications.outbox.DeliveryStatus;
import com.campaignledger.notifications.outbox.DueDelivery;
import com.campaignledger.notifications.outbox.OutboxListener;
import com.campaignledger.notifications.subscription.Subscription;
import com.campaignledger.notifications.subscription.SubscriptionRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. One poller thread claims due deliveries (when woken by the outbox, or every
 * {@code poll-interval}) and hands each to a bounded pool of sender threads; no endpoint gets more than
 * {@code max-per-endpoint} of them, so a slow or dead endpoint ties up at most that many while the others
 * go on. Every attempt is logged; a failure is retried with backoff, and dead-lettered after the last one.
 */
@Component
public class DeliveryWorker implements SmartLifecycle, OutboxListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryClaimer claimer;
    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final WebhookSender webhooks;
    private final EmailSender email;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NotificationProperties.Delivery settings;
    private final Backoff backoff;
    private final MeterRegistry meters;
    private final String owner = "worker-" + UUID.randomUUID();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger busyThreads = new AtomicInteger();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService senders;
    private volatile boolean running;

    DeliveryWorker(
            DeliveryClaimer claimer,
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            WebhookSender webhooks,
            EmailSender email,
            TransactionTemplate transactions,
            Clock clock,
            NotificationProperties properties,
            MeterRegistry meters) {
        this.claimer = claimer;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.email = email;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = properties.delivery();
        this.backoff = new Backoff(
                properties.retry(), () -> ThreadLocalRandom.current().nextDouble());
        this.meters = meters;
        Gauge.builder("ledger.notifications.deliveries.sending", busyThreads, AtomicInteger::get)
                .description("Delivery attempts under way on this instance")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "notification-poller"));
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(
                settings.threads(), r -> thread(r, "notification-sender-" + n.incrementAndGet()));
        running = true;
        long interval = Math.max(10, settings.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::pollSafely, 0, interval, TimeUnit.MILLISECONDS);
        log.info(
                "Notification delivery worker {} started ({} threads, {} per endpoint)",
                owner,
                settings.threads(),
                settings.maxPerEndpoint());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.shutdownNow();
        senders.shutdown();
        try {
            // Attempts under way finish (their time-outs bound this); a row left claimed is retried after its lease.
            if (!senders.awaitTermination(
                    settings.readTimeout().plus(settings.connectTimeout()).toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool, starts after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    @Override
    public void deliveriesAdded() {
        wakeUp();
    }

    /** Looks for due deliveries now rather than at the next poll. */
    public void wakeUp() {
        ScheduledExecutorService p = poller;
        if (running && p != null && pollQueued.compareAndSet(false, true)) {
            try {
                p.execute(this::pollSafely);
            } catch (RuntimeException e) {
                pollQueued.set(false); // stopping
            }
        }
    }

    private void pollSafely() {
        pollQueued.set(false);
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Notification poll failed; trying again at the next one: {}", e.toString());
        }
    }

    private void poll() {
        int free = settings.threads() - busyThreads.get();
        if (!running || free <= 0) {
            return;
        }
        Set<String> full = new HashSet<>();
        Map<String, Integer> room = new HashMap<>();
        inFlight.forEach((endpoint, count) -> {
            int left = settings.maxPerEndpoint() - count.get();
            if (left <= 0) {
                full.add(endpoint);
            } else {
                room.put(endpoint, left);
            }
        });
        Instant now = clock.instant();
        List<String> claimed =
                claimer.claim(owner, now, now.plus(settings.lease()), free, full, room, settings.maxPerEndpoint());
        for (String id : claimed) {
            Optional<DueDelivery> due = deliveries.due(id);
            if (due.isEmpty()) {
                continue;
            }
            DueDelivery d = due.get();
            inFlight.computeIfAbsent(d.endpointKey(), k -> new AtomicInteger()).incrementAndGet();
            busyThreads.incrementAndGet();
            try {
                senders.execute(() -> attempt(d));
            } catch (RuntimeException e) {
                done(d);
                deliveries.release(id, owner);
            }
        }
    }

    private void attempt(DueDelivery d) {
        try {
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            String secret = null;
            if (d.subscriptionId() != null) {
                Optional<Subscription> subscription = subscriptions.find(d.subscriptionId());
                if (subscription.isEmpty() || !subscription.get().enabled()) {
                    deliveries.cancel(
                            d.id(),
                            owner,
                            subscription.isEmpty() ? "the subscription was deleted" : "the subscription is disabled",
                            started);
                    return;
                }
                if (d.signed()) {
                    secret = subscriptions.secret(d.subscriptionId()).orElse(null);
                }
            }
            AttemptResult result = NotificationFormat.valueOf(d.format()) == NotificationFormat.EMAIL
                    ? email.send(d)
                    : webhooks.send(d, secret);
            long latency = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            record(d, started, latency, result);
        } catch (RuntimeException e) {
            // The attempt could not even be recorded (database gone?): the lease runs out and it is tried again.
            log.warn("Delivery {} attempt not recorded: {}", d.id(), e.toString());
        } finally {
            done(d);
            wakeUp();
        }
    }

    private void record(DueDelivery d, Instant attemptedAt, long latencyMs, AttemptResult result) {
        int attempts = d.attempts() + 1;
        int round = d.roundAttempts() + 1;
        DeliveryStatus status;
        Instant next;
        if (result.delivered()) {
            status = DeliveryStatus.DELIVERED;
            next = attemptedAt;
        } else if (backoff.exhausted(round)) {
            status = DeliveryStatus.DEAD;
            next = attemptedAt;
        } else {
            status = DeliveryStatus.PENDING;
            next = clock.instant().plus(backoff.delayAfter(round));
        }
        String outcome = result.delivered() ? "DELIVERED" : "FAILED";
        transactions.executeWithoutResult(tx -> {
            deliveries.logAttempt(
                    d.id(), attempts, attemptedAt, result.statusCode(), latencyMs, outcome, result.error(), owner);
            deliveries.finishAttempt(
                    d.id(), owner, status, attempts, round, attemptedAt, next, result.statusCode(), result.error());
        });
        // Outcome per attempt: DELIVERED, FAILED (to be retried) or DEAD (retries exhausted).
        Timer.builder("ledger.notifications.delivery.attempts")
                .description("Notification delivery attempts by outcome and format")
                .tag("outcome", status == DeliveryStatus.PENDING ? "FAILED" : status.name())
                .tag("format", d.format())
                .register(meters)
                .record(Duration.ofMillis(latencyMs));
        if (status == DeliveryStatus.DEAD) {
            log.warn(
                    "Delivery {} ({} to {}) dead-lettered after {} attempts: {}",
                    d.id(),
                    d.eventType(),
                    d.endpointKey(),
                    round,
                    result.error());
        }
    }

    private void done(DueDelivery d) {
        busyThreads.decrementAndGet();
        inFlight.computeIfPresent(d.endpointKey(), (k, v) -> v.decrementAndGet() <= 0 ? null : v);
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
