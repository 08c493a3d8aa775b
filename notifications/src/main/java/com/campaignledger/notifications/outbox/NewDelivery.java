package com.campaignledger.notifications.outbox;

import java.time.Instant;

/**
 * A delivery about to enter the outbox. {@code target} names the subscription or postback
 * ({@code subscription:12}, {@code postback:3}); with {@code sourceEventId} it makes the row unique.
 */
public record NewDelivery(
        String id,
        String target,
        Long subscriptionId,
        Long postbackId,
        String accountId,
        Long campaignId,
        String eventType,
        String sourceEventId,
        String endpoint,
        String endpointKey,
        String format,
        String contentType,
        String payload,
        boolean signed,
        Instant created) {}
