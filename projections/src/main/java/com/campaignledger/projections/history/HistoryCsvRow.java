package com.campaignledger.projections.history;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One line of the audit trail's CSV export: changes as {@code field: old -> new} pairs, the payload as JSON. */
@JsonPropertyOrder({
    "position",
    "timestamp",
    "type",
    "aggregate",
    "sequenceNumber",
    "actor",
    "requestId",
    "correlationId",
    "changes",
    "payload"
})
public record HistoryCsvRow(
        long position,
        String timestamp,
        String type,
        String aggregate,
        long sequenceNumber,
        String actor,
        String requestId,
        String correlationId,
        String changes,
        String payload) {

    public static HistoryCsvRow of(HistoryEntry e) {
        StringBuilder changes = new StringBuilder();
        for (HistoryEntry.FieldChange c : e.changes()) {
            changes.append(changes.isEmpty() ? "" : "; ")
                    .append(c.field())
                    .append(": ")
                    .append(c.oldValue())
                    .append(" -> ")
                    .append(c.newValue());
        }
        return new HistoryCsvRow(
                e.position(),
                e.timestamp().toString(),
                e.type(),
                e.aggregate(),
                e.sequenceNumber(),
                e.actor(),
                e.requestId(),
                e.correlationId(),
                changes.toString(),
                String.valueOf(e.payload()));
    }
}
