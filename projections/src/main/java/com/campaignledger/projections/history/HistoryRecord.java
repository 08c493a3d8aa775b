package com.campaignledger.projections.history;

import java.time.Instant;

/** One event of the audit trail: its place in the store, its readable type, and payload and metadata as stored (JSON). */
public record HistoryRecord(
        long position,
        Instant timestamp,
        String type,
        String aggregate,
        long sequenceNumber,
        String actor,
        String payloadJson,
        String metaDataJson) {}
