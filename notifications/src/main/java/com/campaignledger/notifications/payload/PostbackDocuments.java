package com.campaignledger.notifications.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import java.util.List;

/** Seed 001's postback documents (call-finished, campaign-finished) and the subscribe answer (reportResponse). */
final class PostbackDocuments {

    private PostbackDocuments() {}

    @JacksonXmlRootElement(localName = "call-finished")
    // Wrapped lists are ordered by their element name in XML ("tag", "var", "file") and by field name in JSON.
    @JsonPropertyOrder({
        "callid",
        "campaignid",
        "phonenumber",
        "dnis",
        "tags",
        "tag",
        "disposition",
        "duration",
        "callstart",
        "notes",
        "extra-data",
        "agentid",
        "agentresponse",
        "responsetime",
        "stored-data",
        "var",
        "recordings",
        "file"
    })
    record CallFinished(
            @JsonProperty("callid") String callId,
            @JsonProperty("campaignid") long campaignId,
            @JsonProperty("phonenumber") String phoneNumber,
            @JsonProperty("dnis") String dnis,

            @JsonProperty("tags") @JacksonXmlElementWrapper(localName = "tags") @JacksonXmlProperty(localName = "tag")
            List<String> tags,

            @JsonProperty("disposition") String disposition,
            @JsonProperty("duration") int duration,
            @JsonProperty("callstart") String callStart,
            @JsonProperty("notes") String notes,
            @JsonProperty("extra-data") String extraData,

            @JsonProperty("agentid") @JsonInclude(JsonInclude.Include.NON_NULL)
            String agentId,

            @JsonProperty("agentresponse") @JsonInclude(JsonInclude.Include.NON_NULL)
            String agentResponse,

            @JsonProperty("responsetime") @JsonInclude(JsonInclude.Include.NON_NULL)
            String responseTime,

            @JsonProperty("stored-data")
            @JacksonXmlElementWrapper(localName = "stored-data")
            @JacksonXmlProperty(localName = "var")
            List<Var> storedData,

            @JsonProperty("recordings")
            @JacksonXmlElementWrapper(localName = "recordings")
            @JacksonXmlProperty(localName = "file")
            List<String> recordings) {}

    record Var(
            @JacksonXmlProperty(isAttribute = true, localName = "name")
            String name,

            @JacksonXmlText String value) {}

    @JacksonXmlRootElement(localName = "campaign-finished")
    record CampaignFinished(@JsonProperty("campaign") Campaign campaign) {}

    @JsonPropertyOrder({"id", "name", "status", "cost", "campaign-stats"})
    record Campaign(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("status") String status,
            @JsonProperty("cost") String cost,
            @JsonProperty("campaign-stats") Stats stats) {}

    @JsonPropertyOrder({"total", "dialed", "live", "machine", "noanswer", "dnc", "busy", "transfer", "error", "misc"})
    record Stats(
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

    @JacksonXmlRootElement(localName = "reportResponse")
    @JsonPropertyOrder({"description", "success"})
    record ReportResponse(
            @JsonProperty("description") String description,
            @JsonProperty("success") boolean success) {}
}
