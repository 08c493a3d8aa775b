package com.campaignledger.web.agentsession;

import com.campaignledger.projections.agentsession.AgentSessionStatistics;
import com.campaignledger.web.CsvTable;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** An answer made of Agent Session Statistics rows: JSON as itself, {@code text/csv} as its rows (seed 003's columns). */
public interface AgentSessionTable extends CsvTable<AgentSessionTable.Row> {

    List<AgentSessionStatistics> rows();

    @Override
    default Class<Row> csvRowType() {
        return Row.class;
    }

    @Override
    default Stream<Row> csvRows() {
        return rows().stream().map(Row::of);
    }

    /**
     * Seed 003's Individual Agent Session Statistics columns, in its order and with its names; times in ISO-8601
     * (UTC), a session still open has an empty Logged Out.
     */
    @JsonPropertyOrder({
        "ID",
        "Campaign ID",
        "Phone Number",
        "User ID",
        "Logged In",
        "Logged Out",
        "Calls",
        "Duration",
        "Calls (Sec)",
        "Avg Call (Sec)",
        "Resp. Time",
        "%Response"
    })
    record Row(
            @JsonProperty("ID") long id,
            @JsonProperty("Campaign ID") long campaignId,
            @JsonProperty("Phone Number") String phoneNumber,
            @JsonProperty("User ID") String userId,
            @JsonProperty("Logged In") Instant loggedIn,
            @JsonProperty("Logged Out") Instant loggedOut,
            @JsonProperty("Calls") int calls,
            @JsonProperty("Duration") long duration,
            @JsonProperty("Calls (Sec)") long callsSeconds,
            @JsonProperty("Avg Call (Sec)") double avgCallSeconds,
            @JsonProperty("Resp. Time") long responseTime,
            @JsonProperty("%Response") double responsePercent) {

        static Row of(AgentSessionStatistics s) {
            return new Row(
                    s.id(),
                    s.campaignId(),
                    s.phoneNumber(),
                    s.userId(),
                    s.loggedIn(),
                    s.loggedOut(),
                    s.calls(),
                    s.duration(),
                    s.callsSeconds(),
                    s.avgCallSeconds(),
                    s.responseTime(),
                    s.responsePercent());
        }
    }
}
