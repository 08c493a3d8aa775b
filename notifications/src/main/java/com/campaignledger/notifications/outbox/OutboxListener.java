package com.campaignledger.notifications.outbox;

/** Told after the outbox committed new deliveries, so a worker on this instance need not wait for its next poll. */
public interface OutboxListener {

    void deliveriesAdded();
}
