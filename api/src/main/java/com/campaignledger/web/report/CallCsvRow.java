package com.campaignledger.web.report;

import com.campaignledger.projections.calls.CallQueries;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** One line of the calls export: the stored data as JSON, times in ISO-8601. */
@JsonPropertyOrder({
    "callId",
    "campaignId",
    "number",
    "result",
    "attempt",
    "startTime",
    "durationSeconds",
    "agentId",
    "agentResponse",
    "agentNotes",
    "storedData",
    "violation"
})
record CallCsvRow(
        String callId,
        long campaignId,
        String number,
        String result,
        Integer attempt,
        Instant startTime,
        Integer durationSeconds,
        Long agentId,
        String agentResponse,
        String agentNotes,
        String storedData,
        String violation) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CallCsvRow of(CallQueries.Call c) {
        try {
            return new CallCsvRow(
                    c.callId(),
                    c.campaignId(),
                    c.number(),
                    c.result(),
                    c.attempt(),
                    c.startTime(),
                    c.durationSeconds(),
                    c.agentId(),
                    c.agentResponse(),
                    c.agentNotes(),
                    c.storedData().isEmpty() ? "" : JSON.writeValueAsString(c.storedData()),
                    c.violation());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
