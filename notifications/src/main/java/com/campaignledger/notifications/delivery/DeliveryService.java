package com.campaignledger.notifications.delivery;

import com.campaignledger.notifications.NotificationConflictException;
import com.campaignledger.notifications.NotificationNotFoundException;
import com.campaignledger.notifications.audit.AuditContext;
import com.campaignledger.notifications.audit.NotificationAuditLog;
import com.campaignledger.notifications.outbox.AccountDelivery;
import com.campaignledger.notifications.outbox.Delivery;
import com.campaignledger.notifications.outbox.DeliveryRepository;
import com.campaignledger.notifications.postback.Postback;
import com.campaignledger.notifications.postback.PostbackRepository;
import com.campaignledger.notifications.subscription.SubscriptionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery log of a subscription, one delivery, and sending one again by hand. */
@Service
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final PostbackRepository postbacks;
    private final NotificationAuditLog audit;
    private final TransactionTemplate transactions;
    private final DeliveryWorker worker;
    private final Clock clock;

    public DeliveryService(
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            PostbackRepository postbacks,
            NotificationAuditLog audit,
            TransactionTemplate transactions,
            DeliveryWorker worker,
            Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.postbacks = postbacks;
        this.audit = audit;
        this.transactions = transactions;
        this.worker = worker;
        this.clock = clock;
    }

    /** A page of a subscription's deliveries, newest first, and how many there are in all. */
    public record DeliveryPage(List<Delivery> content, int page, int size, long totalElements) {}

    public DeliveryPage forSubscription(String accountId, long subscriptionId, int page, int size) {
        if (!subscriptions.existed(accountId, subscriptionId)) {
            throw new NotificationNotFoundException("No subscription " + subscriptionId);
        }
        return new DeliveryPage(
                deliveries.forSubscription(subscriptionId, page, size),
                page,
                size,
                deliveries.countForSubscription(subscriptionId));
    }

    /** The account's newest deliveries that failed (retried still) or died, for an operator to send again. */
    public List<Delivery> failing(String accountId, int limit) {
        return deliveries.failing(accountId, limit);
    }

    /** The failing deliveries of every account, newest first: what an ADMIN oversees. */
    public List<AccountDelivery> failingInEveryAccount(int limit) {
        return deliveries.failingInEveryAccount(limit);
    }

    /**
     * Redelivers a delivery of any account, for an ADMIN: recorded in the delivery's account, with the ADMIN as actor.
     */
    public Delivery redeliverInAnyAccount(AuditContext admin, String id) {
        String account =
                deliveries.accountOf(id).orElseThrow(() -> new NotificationNotFoundException("No delivery " + id));
        return redeliver(new AuditContext(account, admin.actor(), admin.requestId(), admin.correlationId()), id);
    }

    public Delivery get(String accountId, String id) {
        return deliveries.find(accountId, id).orElseThrow(() -> new NotificationNotFoundException("No delivery " + id));
    }

    /**
     * Queues the delivery again, due now, with a fresh round of retries: same id and document, so a receiver
     * that already has it recognises it. Refused when its subscription or postback is gone.
     */
    public Delivery redeliver(AuditContext context, String id) {
        Delivery after = transactions.execute(tx -> {
            Delivery before = get(context.accountId(), id);
            if (before.subscriptionId() != null
                    && subscriptions.find(before.subscriptionId()).isEmpty()) {
                throw new NotificationConflictException(
                        "Delivery " + id + " belongs to subscription " + before.subscriptionId()
                                + ", which was deleted",
                        false);
            }
            if (before.postbackId() != null
                    && postbacks
                            .find(before.postbackId())
                            .filter(Postback::active)
                            .isEmpty()) {
                throw new NotificationConflictException(
                        "Delivery " + id + " belongs to a postback that was unsubscribed", false);
            }
            Instant now = clock.instant();
            deliveries.requeue(id, context.accountId(), now);
            audit.record(
                    context,
                    "DELIVERY",
                    id,
                    "REDELIVERED",
                    Map.of("status", before.status().name()),
                    Map.of("status", "PENDING"));
            return get(context.accountId(), id);
        });
        worker.wakeUp();
        return after;
    }
}
