package com.campaignledger.projections.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One event of a campaign's audit trail as an auditor reads it.
 *
 * @param position       the event's global position in the event store (the order of everything that happened)
 * @param type           what happened ({@code CampaignUpdated}, {@code AgentResponseStored}, ...)
 * @param aggregate      the campaign ({@code campaign-7}) or agent session ({@code agent-session-3}) it happened to
 * @param sequenceNumber its place in that campaign's or session's own history
 * @param actor          who caused it (the authenticated login); {@code system} for the ledger's own processes
 * @param changes        for updates: each changed field with its old and new value
 * @param payload        the event as stored
 */
public record HistoryEntry(
        long position,
        Instant timestamp,
        String type,
        String aggregate,
        long sequenceNumber,
        String actor,
        String requestId,
        String correlationId,
        List<FieldChange> changes,
        JsonNode payload) {

    /** One changed field of an update. */
    public record FieldChange(String field, JsonNode oldValue, JsonNode newValue) {}
}
