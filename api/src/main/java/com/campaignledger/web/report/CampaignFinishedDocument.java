package com.campaignledger.web.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * Seed 001's campaign-finished document, the same in XML and JSON: {@code <campaign-finished><campaign>} with id,
 * name, status, cost and campaign-stats (in XML the root element, in JSON the top-level object).
 */
@JacksonXmlRootElement(localName = "campaign-finished")
public record CampaignFinishedDocument(
        @JsonProperty("campaign") Campaign campaign) {

    @JsonPropertyOrder({"id", "name", "status", "cost", "campaign-stats"})
    public record Campaign(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("status") String status,
            @JsonProperty("cost") String cost,
            @JsonProperty("campaign-stats") Stats stats) {}

    @JsonPropertyOrder({"total", "dialed", "live", "machine", "noanswer", "dnc", "busy", "transfer", "error", "misc"})
    public record Stats(
            long total,
            long dialed,
            long live,
            long machine,
            long noanswer,
            long dnc,
            long busy,
            long transfer,
            long error,
            long misc) {}
}
