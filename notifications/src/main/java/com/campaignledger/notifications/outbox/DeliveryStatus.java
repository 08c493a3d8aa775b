package com.campaignledger.notifications.outbox;

/** Where a delivery stands: waiting for its (next) attempt, delivered, given up on, or cancelled with its subscription. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    DEAD,
    CANCELLED
}
