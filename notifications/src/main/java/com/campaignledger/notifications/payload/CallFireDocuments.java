package com.campaignledger.notifications.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/**
 * Seed 004's subscription notifications as Jackson documents: the same names and nesting in XML (namespaced
 * as the seed's samples: the envelope in CallFire's notification namespace, the rest in its data namespace)
 * and in JSON ({@code "@id"} for what XML writes as an {@code id} attribute).
 */
final class CallFireDocuments {

    static final String NOTIFICATION_NS = "http://api.callfire.com/notification/xsd";
    static final String DATA_NS = "http://api.callfire.com/data";

    private CallFireDocuments() {}

    @JacksonXmlRootElement(namespace = NOTIFICATION_NS, localName = "BroadcastNotification")
    @JsonPropertyOrder({"SubscriptionId", "AccountId", "Broadcast"})
    record BroadcastNotification(
            @JsonProperty("SubscriptionId")
            @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "SubscriptionId")
            long subscriptionId,

            @JsonProperty("AccountId") @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "AccountId")
            Object accountId,

            @JsonProperty("Broadcast") Broadcast broadcast) {}

    @JsonPropertyOrder({"@id", "Name", "Status", "LastModified", "Type", "Label", "CccBroadcastConfig"})
    record Broadcast(
            @JsonProperty("@id") @JacksonXmlProperty(isAttribute = true, localName = "id")
            String id,

            @JsonProperty("Name") String name,
            @JsonProperty("Status") String status,
            @JsonProperty("LastModified") String lastModified,
            @JsonProperty("Type") String type,

            @JsonProperty("Label") @JacksonXmlElementWrapper(useWrapping = false)
            List<String> labels,

            @JsonProperty("CccBroadcastConfig") CccBroadcastConfig config) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "Created",
        "FromNumber",
        "LocalRestrictBegin",
        "LocalRestrictEnd",
        "RetryConfig",
        "NumberOfRings",
        "Recorded",
        "MultilineDialingEnabled",
        "MultilineDialingRatio",
        "AgentGroupId",
        "SmartDropSoundId",
        "AnsweringMachineSoundId"
    })
    record CccBroadcastConfig(
            @JsonProperty("Created") String created,
            @JsonProperty("FromNumber") Long fromNumber,
            @JsonProperty("LocalRestrictBegin") String localRestrictBegin,
            @JsonProperty("LocalRestrictEnd") String localRestrictEnd,
            @JsonProperty("RetryConfig") RetryConfig retryConfig,
            @JsonProperty("NumberOfRings") Integer numberOfRings,
            @JsonProperty("Recorded") Boolean recorded,
            @JsonProperty("MultilineDialingEnabled") Boolean multilineDialingEnabled,
            @JsonProperty("MultilineDialingRatio") Integer multilineDialingRatio,
            @JsonProperty("AgentGroupId") Long agentGroupId,
            @JsonProperty("SmartDropSoundId") Long smartDropSoundId,
            @JsonProperty("AnsweringMachineSoundId") Long answeringMachineSoundId) {}

    /** CallFire writes the two lists as space-separated strings (xsd list types). */
    @JsonPropertyOrder({"MaxAttempts", "MinutesBetweenAttempts", "RetryResults", "RetryPhoneTypes"})
    record RetryConfig(
            @JsonProperty("MaxAttempts") int maxAttempts,
            @JsonProperty("MinutesBetweenAttempts") int minutesBetweenAttempts,
            @JsonProperty("RetryResults") String retryResults,
            @JsonProperty("RetryPhoneTypes") String retryPhoneTypes) {}

    /**
     * Our COMPLIANCE_ALERT, in the style of seed 004's notifications: the campaign as a Broadcast, and the 30 days
     * whose drop rate passed the limit.
     */
    @JacksonXmlRootElement(namespace = NOTIFICATION_NS, localName = "ComplianceAlert")
    @JsonPropertyOrder({
        "SubscriptionId",
        "AccountId",
        "Broadcast",
        "FromDate",
        "ToDate",
        "LiveAnswers",
        "Drops",
        "DropRate",
        "ProjectedDropRate",
        "Limit"
    })
    record ComplianceAlert(
            @JsonProperty("SubscriptionId")
            @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "SubscriptionId")
            long subscriptionId,

            @JsonProperty("AccountId") @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "AccountId")
            Object accountId,

            @JsonProperty("Broadcast") Broadcast broadcast,

            @JsonProperty("FromDate") @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "FromDate")
            String fromDate,

            @JsonProperty("ToDate") @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "ToDate")
            String toDate,

            @JsonProperty("LiveAnswers") @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "LiveAnswers")
            long liveAnswers,

            @JsonProperty("Drops") @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "Drops")
            long drops,

            @JsonProperty("DropRate") @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "DropRate")
            java.math.BigDecimal dropRate,

            // Left out of an alert decided before the projection was computed.
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JsonProperty("ProjectedDropRate")
            @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "ProjectedDropRate")
            java.math.BigDecimal projectedDropRate,

            @JsonProperty("Limit") @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "Limit")
            java.math.BigDecimal limit) {}

    @JacksonXmlRootElement(namespace = NOTIFICATION_NS, localName = "CallFinished")
    @JsonPropertyOrder({"SubscriptionId", "AccountId", "Call"})
    record CallFinished(
            @JsonProperty("SubscriptionId")
            @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "SubscriptionId")
            long subscriptionId,

            @JsonProperty("AccountId") @JacksonXmlProperty(namespace = NOTIFICATION_NS, localName = "AccountId")
            Object accountId,

            @JsonProperty("Call") Call call) {}

    @JsonPropertyOrder({
        "@id",
        "FromNumber",
        "ToNumber",
        "State",
        "BroadcastId",
        "Inbound",
        "Created",
        "Modified",
        "FinalResult",
        "CallRecord",
        "AgentCall"
    })
    record Call(
            @JsonProperty("@id") @JacksonXmlProperty(isAttribute = true, localName = "id")
            String id,

            @JsonProperty("FromNumber") Long fromNumber,
            @JsonProperty("ToNumber") Long toNumber,
            @JsonProperty("State") String state,
            @JsonProperty("BroadcastId") long broadcastId,
            @JsonProperty("Inbound") boolean inbound,
            @JsonProperty("Created") String created,
            @JsonProperty("Modified") String modified,
            @JsonProperty("FinalResult") String finalResult,
            @JsonProperty("CallRecord") CallRecord callRecord,
            @JsonProperty("AgentCall") boolean agentCall) {}

    @JsonPropertyOrder({"@id", "Result", "FinishTime", "OriginateTime", "Duration"})
    record CallRecord(
            @JsonProperty("@id") @JacksonXmlProperty(isAttribute = true, localName = "id")
            String id,

            @JsonProperty("Result") String result,
            @JsonProperty("FinishTime") String finishTime,
            @JsonProperty("OriginateTime") String originateTime,
            @JsonProperty("Duration") int duration) {}
}
