package com.campaignledger.notifications.outbox;

import java.time.Instant;
import java.util.List;

/** A delivery as the API shows it, with its attempts (the delivery log). */
public record Delivery(
        String id,
        Long subscriptionId,
        Long postbackId,
        Long campaignId,
        String eventType,
        String sourceEventId,
        String endpoint,
        String format,
        String contentType,
        boolean signed,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant created,
        Instant lastAttemptAt,
        Instant deliveredAt,
        Integer lastStatusCode,
        String lastError,
        String payload,
        List<Attempt> attemptLog) {

    /** One attempt: when, how it ended, the HTTP status (if any), how long it took, and the error (if any). */
    public record Attempt(
            int attempt, Instant attemptedAt, String outcome, Integer statusCode, long latencyMs, String error) {}
}
