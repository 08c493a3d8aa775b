package com.campaignledger.notifications.payload;

import static com.campaignledger.notifications.payload.DocumentShapes.assertSameJsonShape;
import static com.campaignledger.notifications.payload.DocumentShapes.assertSameXmlShape;
import static com.campaignledger.notifications.payload.DocumentShapes.assertXmlMatchesJson;
import static com.campaignledger.notifications.payload.DocumentShapes.child;
import static com.campaignledger.notifications.payload.DocumentShapes.childNames;
import static com.campaignledger.notifications.payload.DocumentShapes.json;
import static com.campaignledger.notifications.payload.DocumentShapes.seed;
import static com.campaignledger.notifications.payload.DocumentShapes.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.RetryConfig;
import com.campaignledger.notifications.api.AgentOutcome;
import com.campaignledger.notifications.api.BroadcastFacts;
import com.campaignledger.notifications.api.CallFacts;
import com.campaignledger.notifications.api.CampaignConfigFacts;
import com.campaignledger.notifications.api.CampaignCounters;
import com.campaignledger.notifications.api.NotificationFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class NotificationDocumentsTest {

    static final String NOTIFICATION_NS = "http://api.callfire.com/notification/xsd";
    static final String DATA_NS = "http://api.callfire.com/data";
    static final Instant CREATED = Instant.parse("2016-06-24T11:03:18.123Z");
    static final Instant MODIFIED = Instant.parse("2016-06-29T18:57:51.456Z");
    /** Billing, batches and contacts are CallFire's; the ledger has none of them. */
    static final Set<String> NOT_KEPT = Set.of("BatchId", "ContactId", "BilledAmount", "AnswerTime");

    static final BroadcastFacts CAMPAIGN = new BroadcastFacts(
            11865457003L,
            "146076003",
            "Send <Call> & \"Java\"",
            CampaignStatus.FINISHED,
            MODIFIED,
            List.of("label2", "test_label1"),
            new CampaignConfigFacts(
                    CREATED,
                    "+12132212384",
                    LocalTime.of(9, 0),
                    LocalTime.of(20, 30),
                    new RetryConfig(3, 5, List.of(CallResult.BUSY, CallResult.NO_ANS), null),
                    4,
                    false,
                    false,
                    1,
                    null,
                    null,
                    null));

    static final CallFacts CALL = new CallFacts(
            "974239899003",
            "+12132212389",
            Map.of("name", "Alice B", "vip", "yes"),
            "+18778973473",
            CallResult.LA,
            1,
            Instant.parse("2016-06-29T18:52:26Z"),
            17,
            7L,
            true,
            Instant.parse("2016-06-29T18:52:48Z"),
            null);

    @Test
    void broadcastNotificationJsonHasTheSeedsShape() {
        JsonNode seed = json(seed("004-broadcast-notification.json"));
        JsonNode ours =
                json(NotificationDocuments.broadcastNotification(NotificationFormat.JSON, 610798003L, CAMPAIGN));
        // Seed 004 shows a voice broadcast; a CCC campaign has its own config element in its place.
        assertSameJsonShape("", seed, ours, Set.of("VoiceBroadcastConfig", "CccBroadcastConfig"));
        JsonNode broadcast = ours.at("/BroadcastNotification/Broadcast");
        assertThat(broadcast.get("Type").asText()).isEqualTo("CCC");
        assertThat(broadcast.get("@id").asText()).isEqualTo("11865457003");
        assertThat(broadcast.get("Status").asText()).isEqualTo("FINISHED");
        assertThat(broadcast.get("LastModified").asText()).isEqualTo("2016-06-29T18:57:51Z");
        assertThat(broadcast.get("Name").asText()).isEqualTo("Send <Call> & \"Java\"");
        JsonNode config = broadcast.get("CccBroadcastConfig");
        JsonNode seedConfig = seed.at("/BroadcastNotification/Broadcast/VoiceBroadcastConfig");
        for (String common : List.of("Created", "FromNumber", "RetryConfig")) {
            assertSameJsonShape("/CccBroadcastConfig/" + common, seedConfig.get(common), config.get(common), Set.of());
        }
        assertThat(config.get("FromNumber").asLong()).isEqualTo(12132212384L);
        assertThat(config.at("/RetryConfig/RetryResults").asText()).isEqualTo("BUSY NO_ANS");
        assertThat(config.get("LocalRestrictBegin").asText()).isEqualTo("09:00");
        assertThat(ours.at("/BroadcastNotification/AccountId").isNumber()).isTrue();
    }

    @Test
    void broadcastNotificationXmlIsWellFormedInTheSeedsNamespacesAndMatchesTheJson() {
        String text = NotificationDocuments.broadcastNotification(NotificationFormat.XML, 610798003L, CAMPAIGN);
        Element root = xml(text);
        Element seedRoot = xml(seed("004-text-notification.xml"));
        assertThat(root.getNamespaceURI()).isEqualTo(seedRoot.getNamespaceURI()).isEqualTo(NOTIFICATION_NS);
        assertThat(root.getPrefix()).isEqualTo(seedRoot.getPrefix()).isEqualTo("n");
        assertThat(root.getLocalName()).isEqualTo("BroadcastNotification");
        assertThat(child(root, "SubscriptionId").getNamespaceURI()).isEqualTo(NOTIFICATION_NS);
        Element broadcast = child(root, "Broadcast");
        assertThat(broadcast.getNamespaceURI()).isEqualTo(DATA_NS);
        assertThat(broadcast.getPrefix()).isNull();
        assertThat(child(broadcast, "CccBroadcastConfig").getNamespaceURI()).isEqualTo(DATA_NS);
        assertThat(child(child(broadcast, "CccBroadcastConfig"), "RetryConfig").getNamespaceURI())
                .isEqualTo(DATA_NS);
        assertThat(childNames(broadcast)).containsSubsequence("Name", "Label", "Label", "CccBroadcastConfig");
        JsonNode twin =
                json(NotificationDocuments.broadcastNotification(NotificationFormat.JSON, 610798003L, CAMPAIGN));
        assertXmlMatchesJson("", root, twin.get("BroadcastNotification"));
    }

    /** Our COMPLIANCE_ALERT, in seed 004's envelope: the campaign as its Broadcast, then the 30 days' figures. */
    @Test
    void complianceAlertCarriesTheCampaignAndTheFiguresInJsonAndXml() {
        com.campaignledger.notifications.api.ComplianceFacts facts =
                complianceFacts(new java.math.BigDecimal("0.0833"));
        JsonNode ours = json(NotificationDocuments.complianceAlert(NotificationFormat.JSON, 77L, CAMPAIGN, facts));
        JsonNode alert = ours.get("ComplianceAlert");
        assertThat(alert.get("SubscriptionId").asLong()).isEqualTo(77);
        assertThat(alert.at("/Broadcast/Type").asText()).isEqualTo("CCC");
        assertThat(alert.at("/Broadcast/@id").asText()).isEqualTo("11865457003");
        assertThat(alert.get("FromDate").asText()).isEqualTo("2026-11-08");
        assertThat(alert.get("ToDate").asText()).isEqualTo("2026-12-07");
        assertThat(alert.get("LiveAnswers").asLong()).isEqualTo(33);
        assertThat(alert.get("Drops").asLong()).isEqualTo(2);
        assertThat(alert.get("DropRate").decimalValue()).isEqualByComparingTo("0.0571");
        assertThat(alert.get("ProjectedDropRate").decimalValue()).isEqualByComparingTo("0.0833");
        assertThat(alert.get("Limit").decimalValue()).isEqualByComparingTo("0.03");

        Element root = xml(NotificationDocuments.complianceAlert(NotificationFormat.XML, 77L, CAMPAIGN, facts));
        assertThat(root.getNamespaceURI()).isEqualTo(NOTIFICATION_NS);
        assertThat(root.getLocalName()).isEqualTo("ComplianceAlert");
        assertThat(child(root, "Broadcast").getNamespaceURI()).isEqualTo(DATA_NS);
        assertThat(child(root, "DropRate").getTextContent()).isEqualTo("0.0571");
        assertThat(child(root, "ProjectedDropRate").getTextContent()).isEqualTo("0.0833");
        assertThat(child(root, "Limit").getTextContent()).isEqualTo("0.03");
    }

    /** 33 live answers and 2 drops over the 30 days to 2026-12-07, with this projected rate. */
    private static com.campaignledger.notifications.api.ComplianceFacts complianceFacts(
            java.math.BigDecimal projected) {
        return new com.campaignledger.notifications.api.ComplianceFacts(
                java.time.LocalDate.parse("2026-11-08"),
                java.time.LocalDate.parse("2026-12-07"),
                33,
                2,
                new java.math.BigDecimal("0.0571"),
                projected,
                new java.math.BigDecimal("0.03"));
    }

    /** An alert decided before the projection was computed has none: the document leaves it out. */
    @Test
    void anAlertWithoutAProjectionLeavesItOut() {
        com.campaignledger.notifications.api.ComplianceFacts facts = complianceFacts(null);
        JsonNode alert = json(NotificationDocuments.complianceAlert(NotificationFormat.JSON, 77L, CAMPAIGN, facts))
                .get("ComplianceAlert");
        assertThat(alert.has("ProjectedDropRate")).isFalse();
        assertThat(alert.get("Limit").decimalValue()).isEqualByComparingTo("0.03");
        Element root = xml(NotificationDocuments.complianceAlert(NotificationFormat.XML, 77L, CAMPAIGN, facts));
        assertThat(root.getElementsByTagNameNS("*", "ProjectedDropRate").getLength())
                .isZero();
    }

    @Test
    void callFinishedJsonHasTheSeedsShape() {
        JsonNode seed = json(seed("004-call-finished.json"));
        JsonNode ours = json(NotificationDocuments.callFinished(NotificationFormat.JSON, 610796003L, CAMPAIGN, CALL));
        assertSameJsonShape("", seed, ours, NOT_KEPT);
        JsonNode call = ours.at("/CallFinished/Call");
        assertThat(call.get("@id").asText()).isEqualTo("974239899003");
        assertThat(call.get("ToNumber").asLong()).isEqualTo(12132212389L);
        assertThat(call.get("FromNumber").asLong()).isEqualTo(18778973473L);
        assertThat(call.get("BroadcastId").asLong()).isEqualTo(11865457003L);
        assertThat(call.get("Inbound").asBoolean()).isFalse();
        assertThat(call.get("AgentCall").asBoolean()).isTrue();
        assertThat(call.at("/CallRecord/OriginateTime").asText()).isEqualTo("2016-06-29T18:52:26Z");
        assertThat(call.at("/CallRecord/FinishTime").asText()).isEqualTo("2016-06-29T18:52:43Z");
        assertThat(call.at("/CallRecord/Duration").asInt()).isEqualTo(17);
        assertThat(call.get("FinalResult").asText()).isEqualTo("LA");
    }

    @Test
    void callFinishedXmlIsWellFormedAndMatchesTheJson() {
        Element root = xml(NotificationDocuments.callFinished(NotificationFormat.XML, 610796003L, CAMPAIGN, CALL));
        assertThat(root.getNamespaceURI()).isEqualTo(NOTIFICATION_NS);
        assertThat(root.getLocalName()).isEqualTo("CallFinished");
        Element call = child(root, "Call");
        assertThat(call.getNamespaceURI()).isEqualTo(DATA_NS);
        assertThat(child(call, "CallRecord").getAttribute("id")).isEqualTo("974239899003");
        JsonNode twin = json(NotificationDocuments.callFinished(NotificationFormat.JSON, 610796003L, CAMPAIGN, CALL));
        assertXmlMatchesJson("", root, twin.get("CallFinished"));
    }

    @Test
    void legacyCallFinishedHasTheSeedsElements() {
        Element seed = xml(seed("001-call-finished.xml"));
        Element ours = xml(NotificationDocuments.legacyCallFinished(CAMPAIGN, CALL));
        // No agent response is recorded yet: those elements come with one.
        assertSameXmlShape("", seed, ours, Set.of("agentresponse", "responsetime"));
        assertThat(child(ours, "phonenumber").getTextContent()).isEqualTo("2132212389");
        assertThat(child(ours, "dnis").getTextContent()).isEqualTo("8778973473");
        assertThat(child(ours, "campaignid").getTextContent()).isEqualTo("11865457003");
        assertThat(child(ours, "callstart").getTextContent()).isEqualTo("2016-06-29 18:52:26.0");
        assertThat(child(ours, "disposition").getTextContent()).isEqualTo("LA");
        assertThat(child(ours, "agentid").getTextContent()).isEqualTo("7");
        assertThat(child(ours, "extra-data").getTextContent()).isEqualTo("name=Alice+B&vip=yes");
        assertThat(childNames(child(ours, "tags"))).containsExactly("tag", "tag");
        assertThat(child(ours, "tags").getTextContent()).contains("label2").contains("test_label1");
    }

    @Test
    void legacyCallFinishedCarriesTheAgentsResponseWhenThereIsOne() {
        Map<String, String> storedData = new java.util.LinkedHashMap<>();
        storedData.put("willvote", "yes & <sure>");
        storedData.put("bigconcern", "economy");
        CallFacts answered = new CallFacts(
                CALL.callId(),
                CALL.number(),
                CALL.extraData(),
                CALL.fromNumber(),
                CallResult.XFER,
                1,
                CALL.startTime(),
                35,
                7L,
                true,
                CALL.recordedAt(),
                new AgentOutcome(
                        "21212", "interested", "call back after 5", Instant.parse("2010-03-24T15:58:38Z"), storedData));
        Element seed = xml(seed("001-call-finished.xml"));
        Element ours = xml(NotificationDocuments.legacyCallFinished(CAMPAIGN, answered));
        assertSameXmlShape("", seed, ours, Set.of());
        // Seed 001: <stored-data><var name="bigconcern">economy</var>…</stored-data>, in the agent's order.
        List<Element> vars = DocumentShapes.children(child(ours, "stored-data"));
        assertThat(vars).extracting(Element::getTagName).containsExactly("var", "var");
        assertThat(vars).extracting(v -> v.getAttribute("name")).containsExactly("willvote", "bigconcern");
        assertThat(vars).extracting(Element::getTextContent).containsExactly("yes & <sure>", "economy");
        assertThat(child(ours, "agentresponse").getTextContent()).isEqualTo("interested");
        assertThat(child(ours, "notes").getTextContent()).isEqualTo("call back after 5");
        assertThat(child(ours, "responsetime").getTextContent()).isEqualTo("2010-03-24 15:58:38.0");
    }

    @Test
    void legacyCampaignFinishedHasTheSeedsElementsAndCounters() {
        Element seed = xml(seed("001-campaign-finished.xml"));
        CampaignCounters stats = new CampaignCounters(100, 100, 48, 24, 12, 0, 6, 10, 0, 0);
        Element ours = xml(NotificationDocuments.legacyCampaignFinished(CAMPAIGN, stats, "$2.25"));
        assertSameXmlShape("", seed, ours, Set.of());
        Element campaign = child(ours, "campaign");
        assertThat(child(campaign, "status").getTextContent()).isEqualTo("finished");
        assertThat(child(campaign, "cost").getTextContent()).isEqualTo("$2.25");
        assertThat(child(campaign, "name").getTextContent()).isEqualTo("Send <Call> & \"Java\"");
        Element counters = child(campaign, "campaign-stats");
        assertThat(child(counters, "live").getTextContent()).isEqualTo("48");
        assertThat(child(counters, "transfer").getTextContent()).isEqualTo("10");
        assertThat(child(counters, "total").getTextContent()).isEqualTo("100");
    }

    @Test
    void reportResponseIsTheSeedsAnswerInXmlOrJson() {
        Element seed = xml(seed("001-report-response.xml"));
        Element ours = xml(NotificationDocuments.reportResponse("Saved", true, false));
        assertSameXmlShape("", seed, ours, Set.of());
        assertThat(child(ours, "success").getTextContent()).isEqualTo("true");
        JsonNode json = json(NotificationDocuments.reportResponse("Saved", true, true));
        assertThat(json.at("/reportResponse/description").asText()).isEqualTo("Saved");
        assertThat(json.at("/reportResponse/success").isBoolean()).isTrue();
    }
}
