package com.campaignledger.web.campaign;

import com.campaignledger.dialer.calllist.NumberStates;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** One line of the numbers export: the extra data as JSON, times in ISO-8601. */
@JsonPropertyOrder({"number", "state", "attempts", "lastResult", "nextAttemptAt", "leaseUntil", "extraData"})
record NumberCsvRow(
        String number,
        NumberStates.State state,
        int attempts,
        String lastResult,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String extraData) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static NumberCsvRow of(NumberStates.CampaignNumber n) {
        try {
            return new NumberCsvRow(
                    n.number(),
                    n.state(),
                    n.attempts(),
                    n.lastResult(),
                    n.nextAttemptAt(),
                    n.leaseUntil(),
                    n.extraData().isEmpty() ? "" : JSON.writeValueAsString(n.extraData()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
