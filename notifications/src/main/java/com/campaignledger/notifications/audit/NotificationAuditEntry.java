package com.campaignledger.notifications.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One change of a subscription or postback: who, when, under which request, from what to what. */
public record NotificationAuditEntry(
        long id,
        String entityType,
        String entityId,
        String action,
        String actor,
        String requestId,
        String correlationId,
        Instant at,
        JsonNode oldValue,
        JsonNode newValue) {}
