package com.campaignledger.projections.history;

import java.time.Instant;

/**
 * A page of one campaign's history. {@code from} is inclusive and {@code to} exclusive; {@code type} is a readable
 * event type ({@link EventTypes}); {@code after} is a global position (keyset paging: cheap however deep).
 */
public record HistoryQuery(
        long campaignId,
        String accountId,
        Instant from,
        Instant to,
        String type,
        String actor,
        Long after,
        int page,
        int size) {}
