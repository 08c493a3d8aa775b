package com.campaignledger.notifications.outbox;

/** A delivery a worker claimed and is about to attempt. */
public record DueDelivery(
        String id,
        Long subscriptionId,
        Long postbackId,
        Long campaignId,
        String eventType,
        String endpoint,
        String endpointKey,
        String format,
        String contentType,
        String payload,
        boolean signed,
        int attempts,
        int roundAttempts) {}
