package com.campaignledger.notifications.subscription;

import java.time.Instant;

/**
 * The deliveries a subscription still has queued, as a subscription's deletion needs them: the outbox keeps them
 * (and implements this), the subscription only says when they are no longer wanted.
 */
public interface PendingDeliveries {

    /** Cancels every delivery of the subscription not sent yet; its delivery log is kept. */
    void cancelPending(long subscriptionId, String reason, Instant at);
}
