package com.campaignledger.web.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.notifications.outbox.NotificationOutbox;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.StandardWebhooks;
import com.campaignledger.testsupport.WebhookReceiver;
import com.campaignledger.testsupport.WebhookReceiver.Received;
import com.campaignledger.testsupport.WebhookReceiver.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.xml.parsers.DocumentBuilderFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Notifications end to end over real HTTP, on every database (see the subclasses): subscriptions, the
 * saga's decisions, the outbox, signed deliveries to a receiver on loopback, retries, dead letters,
 * redelivery, legacy postbacks, e-mail through a real SMTP server, and a replay that sends nothing twice.
 */
abstract class NotificationContract {

    static final String TEST_PROPERTIES = """
            ledger.notifications.allow-private-endpoints=true
            ledger.notifications.delivery.poll-interval=100ms
            ledger.notifications.delivery.connect-timeout=1s
            ledger.notifications.delivery.read-timeout=2s
            ledger.notifications.delivery.lease=30s
            ledger.notifications.retry.initial-delay=200ms
            ledger.notifications.retry.max-delay=1s
            ledger.notifications.retry.max-attempts=3
            ledger.notifications.retry.jitter=0
            """;
    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventGateway events;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    ApiClient api;
    WebhookReceiver receiver;
    final List<WebhookReceiver> extraReceivers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        extraReceivers.forEach(WebhookReceiver::close);
    }

    // --- subscriptions ----------------------------------------------------------------------------------

    @Test
    void subscriptionsAreCreatedQueriedUpdatedAndDeletedWithAnAuditTrail() {
        long campaign = createCampaign("Audited");
        Response created = api.post(
                "/api/subscriptions",
                body(Map.of(
                        "endpoint",
                        receiver.url("/a"),
                        "triggerEvent",
                        "CAMPAIGN_STARTED",
                        "notificationFormat",
                        "XML",
                        "campaignId",
                        campaign)),
                Map.of("X-Request-Id", "req-create-1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String secret = created.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(created.header("Location")).isEqualTo("/api/subscriptions/" + id);
        assertThat(created.json().get("enabled").asBoolean()).isTrue();

        Response got = api.get("/api/subscriptions/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().has("secret")).isFalse();
        assertThat(got.body()).doesNotContain(secret.substring(6));
        assertThat(got.header("ETag")).isEqualTo("\"1\"");
        assertThat(got.json().get("campaignId").asLong()).isEqualTo(campaign);

        JsonNode byCampaign = api.get("/api/subscriptions?campaignId=" + campaign + "&triggerEvent=CAMPAIGN_STARTED")
                .json();
        assertThat(byCampaign.get("totalElements").asLong()).isEqualTo(1);
        assertThat(byCampaign.at("/content/0/id").asLong()).isEqualTo(id);
        assertThat(api.get("/api/subscriptions?campaignId=" + campaign + "&triggerEvent=CAMPAIGN_STOPPED")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();

        Response stale = api.patch("/api/subscriptions/" + id, "{\"enabled\": false}", Map.of("If-Match", "\"9\""));
        assertProblem(stale, 412, null);
        Response patched = api.patch(
                "/api/subscriptions/" + id,
                "{\"enabled\": false, \"notificationFormat\": \"JSON\"}",
                Map.of("If-Match", "\"1\"", "X-Request-Id", "req-patch-1"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("enabled").asBoolean()).isFalse();
        assertThat(patched.json().get("notificationFormat").asText()).isEqualTo("JSON");
        assertThat(patched.json().get("endpoint").asText()).isEqualTo(receiver.url("/a"));
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.get("/api/subscriptions?campaignId=" + campaign + "&enabled=true")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/subscriptions?campaignId=" + campaign + "&enabled=false")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isOne();

        assertProblem(api.patch("/api/subscriptions/" + id, "{\"colour\": \"red\"}", Map.of()), 400, "colour");
        assertProblem(
                api.patch("/api/subscriptions/" + id, "{\"triggerEvent\": \"SOMETIMES\"}", Map.of()),
                400,
                "triggerEvent");
        assertProblem(api.patch("/api/subscriptions/" + id, "{\"enabled\": null}", Map.of()), 400, "enabled");
        assertProblem(
                api.patch("/api/subscriptions/" + id, "{\"notificationFormat\": \"EMAIL\"}", Map.of()),
                400,
                "endpoint");

        assertThat(api.delete("/api/subscriptions/" + id).status()).isEqualTo(204);
        assertProblem(api.get("/api/subscriptions/" + id), 404, null);
        assertProblem(api.delete("/api/subscriptions/" + id), 404, null);
        assertThat(jdbc.queryForObject("SELECT secret FROM notification_subscription WHERE id = ?", String.class, id))
                .isNull();
        // What it did and who changed it stay readable after its deletion; another account still sees nothing.
        Response log = api.get("/api/subscriptions/" + id + "/deliveries");
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        Response trail = api.get("/api/subscriptions/" + id + "/history");
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        assertThat(trail.json().findValuesAsText("action")).containsExactly("CREATED", "UPDATED", "DELETED");

        List<Map<String, Object>> audit = jdbc.queryForList(
                "SELECT action, actor, request_id, old_value, new_value "
                        + "FROM notification_audit WHERE entity_type = 'SUBSCRIPTION' AND entity_id = ? ORDER BY id",
                String.valueOf(id));
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(audit.get(0).get("request_id")).isEqualTo("req-create-1");
        assertThat(audit.get(1).get("request_id")).isEqualTo("req-patch-1");
        assertThat(audit.get(0).get("actor")).isEqualTo(ApiClient.ADMIN_LOGIN);
        assertThat(String.valueOf(audit.get(1).get("old_value"))).contains("\"enabled\":true");
        assertThat(String.valueOf(audit.get(1).get("new_value"))).contains("\"enabled\":false");
        assertThat(audit.toString()).doesNotContain(secret.substring(6));
    }

    @Test
    void badSubscriptionsAreRefusedWithTheFieldNamedAndWriteNothing() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM notification_subscription", Long.class);
        assertProblem(
                api.post(
                        "/api/subscriptions",
                        "{\"endpoint\": \"" + receiver.url("/x")
                                + "\", \"triggerEvent\": \"CAMPAIGN_PAUSED\", \"notificationFormat\": \"XML\"}"),
                400,
                "triggerEvent");
        assertProblem(
                api.post(
                        "/api/subscriptions",
                        "{\"endpoint\": \"ftp://example.com/x\", "
                                + "\"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"XML\"}"),
                400,
                "endpoint");
        assertProblem(
                api.post(
                        "/api/subscriptions",
                        "{\"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"JSON\"}"),
                400,
                "endpoint");
        assertProblem(
                api.post(
                        "/api/subscriptions",
                        "{\"endpoint\": \"not an address\", "
                                + "\"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"EMAIL\"}"),
                400,
                "endpoint");
        assertProblem(
                api.post(
                        "/api/subscriptions",
                        "{\"endpoint\": \"" + receiver.url("/x") + "\", \"triggerEvent\": \"CAMPAIGN_STARTED\"}"),
                400,
                "notificationFormat");
        assertProblem(
                api.post(
                        "/api/subscriptions",
                        "{\"endpoint\": \"" + receiver.url("/x")
                                + "\", \"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"XML\", \"campaignId\": -4}"),
                400,
                "campaignId");
        assertProblem(
                api.post(
                        "/api/subscriptions",
                        "{\"endpoint\": \"" + receiver.url("/x")
                                + "\", \"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"XML\", \"secret\": \"mine\"}"),
                400,
                "secret");
        assertProblem(api.post("/api/subscriptions", "{\"endpoint\": "), 400, null);
        assertProblem(api.get("/api/subscriptions?size=0"), 400, "size");
        assertProblem(api.get("/api/subscriptions?triggerEvent=NEVER"), 400, "triggerEvent");
        assertProblem(api.get("/api/subscriptions/999999"), 404, null);
        assertProblem(api.get("/api/subscriptions/999999/deliveries"), 404, null);
        assertProblem(api.post("/api/deliveries/msg_nothing/redeliver", null), 404, null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_subscription", Long.class))
                .isEqualTo(before);
        Response mail = api.post(
                "/api/subscriptions",
                "{\"endpoint\": \"mailto:ops@example.com\", "
                        + "\"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"EMAIL\", \"enabled\": false}");
        assertThat(mail.status()).as(mail.toString()).isEqualTo(201);
    }

    // --- campaign notifications -------------------------------------------------------------------------

    @Test
    void campaignStartAndStopAreDeliveredSignedInTheSubscribedFormat() throws Exception {
        long campaign = createCampaign("Spring drive");
        long other = createCampaign("Someone else's");
        JsonNode started = subscribe(receiver.url("/started"), "CAMPAIGN_STARTED", "XML", campaign);
        JsonNode stopped = subscribe(receiver.url("/stopped"), "CAMPAIGN_STOPPED", "JSON", campaign);
        subscribe(receiver.url("/other"), "CAMPAIGN_STARTED", "JSON", other);

        Instant before = Instant.now();
        control(campaign, "START");
        control(campaign, "STOP");
        await().atMost(WAIT)
                .until(() -> receiver.received("/started").size() == 1
                        && receiver.received("/stopped").size() == 1);

        Received xml = receiver.received("/started").get(0);
        assertSigned(xml, started.get("secret").asText(), before);
        assertThat(xml.header("Content-Type")).startsWith("application/xml");
        assertThat(xml.header("X-Ledger-Event")).isEqualTo("CAMPAIGN_STARTED");
        Element root = parse(xml.body());
        assertThat(root.getLocalName()).isEqualTo("BroadcastNotification");
        assertThat(root.getNamespaceURI()).isEqualTo("http://api.callfire.com/notification/xsd");
        assertThat(text(root, "SubscriptionId")).isEqualTo(started.get("id").asText());
        Element broadcast = child(root, "Broadcast");
        assertThat(broadcast.getAttribute("id")).isEqualTo(String.valueOf(campaign));
        assertThat(text(broadcast, "Name")).isEqualTo("Spring drive");
        assertThat(text(broadcast, "Status")).isEqualTo("RUNNING");
        assertThat(text(broadcast, "Type")).isEqualTo("CCC");
        assertThat(text(child(broadcast, "CccBroadcastConfig"), "FromNumber")).isEqualTo("19206596476");

        Received json = receiver.received("/stopped").get(0);
        assertSigned(json, stopped.get("secret").asText(), before);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.header("webhook-id")).isNotEqualTo(xml.header("webhook-id"));
        JsonNode doc = JSON.readTree(json.body());
        assertThat(doc.at("/BroadcastNotification/SubscriptionId").asLong())
                .isEqualTo(stopped.get("id").asLong());
        assertThat(doc.at("/BroadcastNotification/Broadcast/@id").asText()).isEqualTo(String.valueOf(campaign));
        assertThat(doc.at("/BroadcastNotification/Broadcast/Status").asText()).isEqualTo("STOPPED");
        assertThat(doc.at("/BroadcastNotification/Broadcast/Label").isArray()).isTrue();

        JsonNode log = await().atMost(WAIT)
                .until(
                        () -> deliveries(started.get("id").asLong()),
                        d -> d.at("/content/0/status").asText().equals("DELIVERED"));
        assertThat(log.get("totalElements").asLong()).isOne();
        JsonNode delivery = log.at("/content/0");
        assertThat(delivery.get("id").asText()).isEqualTo(xml.header("webhook-id"));
        assertThat(delivery.get("eventType").asText()).isEqualTo("CAMPAIGN_STARTED");
        assertThat(delivery.get("attemptLog")).hasSize(1);
        assertThat(delivery.at("/attemptLog/0/statusCode").asInt()).isEqualTo(200);
        assertThat(delivery.at("/attemptLog/0/outcome").asText()).isEqualTo("DELIVERED");
        assertThat(delivery.at("/attemptLog/0/latencyMs").isNumber()).isTrue();
        assertThat(receiver.received("/other")).isEmpty();
    }

    @Test
    void failedAttemptsAreRetriedWithBackoffUnderTheSameWebhookId() throws Exception {
        long campaign = createCampaign("Flaky receiver");
        JsonNode sub = subscribe(receiver.url("/flaky"), "CAMPAIGN_STARTED", "JSON", campaign);
        CountDownLatch never = new CountDownLatch(1);
        // A 500, then no answer within the read time-out, then a 200.
        receiver.script("/flaky", Reply.status(500), Reply.heldUntil(never, 200), Reply.status(200));
        Instant before = Instant.now();
        control(campaign, "START");
        JsonNode delivered = await().atMost(WAIT)
                .until(
                        () -> deliveries(sub.get("id").asLong()),
                        d -> d.at("/content/0/status").asText().equals("DELIVERED"))
                .at("/content/0");
        never.countDown();

        List<Received> tries = receiver.received("/flaky");
        assertThat(tries).hasSize(3);
        assertThat(tries)
                .extracting(r -> r.header("webhook-id"))
                .containsOnly(delivered.get("id").asText());
        for (Received attempt : tries) {
            assertSigned(attempt, sub.get("secret").asText(), before);
            assertThat(attempt.body()).isEqualTo(tries.get(0).body());
        }
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));
        JsonNode log = delivered.get("attemptLog");
        assertThat(log).hasSize(3);
        assertThat(log.get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(log.get(0).get("outcome").asText()).isEqualTo("FAILED");
        assertThat(log.get(1).get("statusCode").isNull()).isTrue();
        assertThat(log.get(1).get("error").asText()).contains("no response within");
        assertThat(log.get(1).get("latencyMs").asLong()).isGreaterThanOrEqualTo(1900);
        assertThat(log.get(2).get("statusCode").asInt()).isEqualTo(200);
        assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void aDeliveryIsDeadLetteredAfterItsLastAttemptAndCanBeRedeliveredByHand() {
        long campaign = createCampaign("Dead receiver");
        JsonNode sub = subscribe(receiver.url("/dead"), "CAMPAIGN_STARTED", "XML", campaign);
        receiver.always("/dead", Reply.status(503));
        double failedBefore = attempts("FAILED");
        double deadBefore = attempts("DEAD");
        control(campaign, "START");
        JsonNode dead = await().atMost(WAIT)
                .until(
                        () -> deliveries(sub.get("id").asLong()),
                        d -> d.at("/content/0/status").asText().equals("DEAD"))
                .at("/content/0");
        assertThat(dead.get("attemptLog")).hasSize(3);
        assertThat(dead.get("lastStatusCode").asInt()).isEqualTo(503);
        String id = dead.get("id").asText();
        assertThat(attempts("FAILED")).isGreaterThanOrEqualTo(failedBefore + 2);
        assertThat(attempts("DEAD")).isGreaterThanOrEqualTo(deadBefore + 1);

        receiver.always("/dead", Reply.status(204));
        Response redeliver = api.post("/api/deliveries/" + id + "/redeliver", null);
        assertThat(redeliver.status()).as(redeliver.toString()).isEqualTo(202);
        JsonNode delivered = await().atMost(WAIT)
                .until(
                        () -> api.get("/api/deliveries/" + id).json(),
                        d -> d.get("status").asText().equals("DELIVERED"));
        assertThat(delivered.get("attemptLog")).hasSize(4);
        assertThat(delivered.at("/attemptLog/3/statusCode").asInt()).isEqualTo(204);
        assertThat(receiver.received("/dead"))
                .hasSize(4)
                .extracting(r -> r.header("webhook-id"))
                .containsOnly(id);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM notification_audit WHERE entity_type = 'DELIVERY' "
                                + "AND entity_id = ? AND action = 'REDELIVERED'",
                        Long.class,
                        id))
                .isOne();
    }

    /** SPEC 3.7 and 5: the drop that takes a campaign's 30-day drop rate past 3 % is a signed COMPLIANCE_ALERT. */
    @Test
    void aDropRatePastTheLimitIsAComplianceAlert() throws Exception {
        long campaign = createCampaign("Dropper");
        JsonNode alerts = subscribe(receiver.url("/compliance"), "COMPLIANCE_ALERT", "JSON", campaign);
        Instant before = Instant.now();
        control(campaign, "START");
        for (String[] call : new String[][] {{"2135551212", "LA"}, {"3105550100", "ABANDONED"}}) {
            Response r = api.post(
                    "/api/campaigns/" + campaign + "/calls",
                    "{\"number\": \"" + call[0] + "\", \"result\": \"" + call[1] + "\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        await().atMost(WAIT).until(() -> receiver.received("/compliance").size() == 1);
        Received alert = receiver.received("/compliance").get(0);
        assertSigned(alert, alerts.get("secret").asText(), before);
        assertThat(alert.header("X-Ledger-Event")).isEqualTo("COMPLIANCE_ALERT");
        JsonNode doc = JSON.readTree(alert.body()).get("ComplianceAlert");
        assertThat(doc.get("SubscriptionId").asLong())
                .isEqualTo(alerts.get("id").asLong());
        assertThat(doc.at("/Broadcast/@id").asText()).isEqualTo(String.valueOf(campaign));
        assertThat(doc.get("LiveAnswers").asLong()).isEqualTo(1);
        assertThat(doc.get("Drops").asLong()).isEqualTo(1);
        assertThat(doc.get("DropRate").decimalValue()).isEqualByComparingTo("0.5");
        // Every call on one day: a day more like it projects the same rate.
        assertThat(doc.get("ProjectedDropRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(doc.get("Limit").decimalValue()).isEqualByComparingTo("0.03");
    }

    @Test
    void finishedCampaignsAndFinishedCallsReachSubscriptionsAndLegacyPostbacks() throws Exception {
        long campaign = createCampaign("Finisher");
        JsonNode calls = subscribe(receiver.url("/calls"), "OUTBOUND_CALL_FINISHED", "JSON", campaign);
        JsonNode finished = subscribe(receiver.url("/finished"), "CAMPAIGN_FINISHED", "XML", campaign);
        postback("/api/callbacks/callfinish", receiver.url("/legacy-all-calls"));
        postback("/api/callbacks/callfinish/" + campaign, receiver.url("/legacy-campaign-calls"));
        postback("/api/callbacks/campaignfinish", receiver.url("/legacy-finished"));
        control(campaign, "START");
        try {
            // The dialer and the finishing rule land separately: their events are published as they will be.
            publish(new CallResultRecordedEvent(
                    CampaignId.of(campaign),
                    "call-1",
                    "+12135551212",
                    CallResult.BUSY,
                    1,
                    Instant.parse("2026-03-24T15:58:18Z"),
                    0,
                    null,
                    false,
                    Instant.parse("2026-03-24T16:58:18Z")));
            publish(new CallResultRecordedEvent(
                    CampaignId.of(campaign),
                    "call-2",
                    "+13105550100",
                    CallResult.LA,
                    1,
                    Instant.parse("2026-03-24T15:59:00Z"),
                    35,
                    7L,
                    true,
                    null));
            publish(new CallResultRecordedEvent(
                    CampaignId.of(campaign),
                    "call-3",
                    "+12135551212",
                    CallResult.AM,
                    2,
                    Instant.parse("2026-03-24T17:00:00Z"),
                    12,
                    null,
                    true,
                    null));
            publish(new CampaignFinishedEvent(CampaignId.of(campaign)));

            await().atMost(WAIT)
                    .until(() -> receiver.received("/calls").size() == 3
                            && receiver.received("/legacy-campaign-calls").size() == 3
                            && receiver.received("/finished").size() == 1
                            && receiver.received("/legacy-finished").size() == 1);
            assertThat(receiver.received("/legacy-all-calls"))
                    .as("the campaign's own URL overrides the account's")
                    .isEmpty();

            Received call = receiver.received("/calls").stream()
                    .filter(r -> r.body().contains("call-2"))
                    .findFirst()
                    .orElseThrow();
            assertSigned(call, calls.get("secret").asText(), Instant.now().minusSeconds(60));
            assertThat(call.header("X-Ledger-Event")).isEqualTo("OUTBOUND_CALL_FINISHED");
            JsonNode c = JSON.readTree(call.body()).at("/CallFinished/Call");
            assertThat(c.get("ToNumber").asLong()).isEqualTo(13105550100L);
            assertThat(c.get("FromNumber").asLong()).isEqualTo(19206596476L);
            assertThat(c.get("BroadcastId").asLong()).isEqualTo(campaign);
            assertThat(c.get("FinalResult").asText()).isEqualTo("LA");
            assertThat(c.get("AgentCall").asBoolean()).isTrue();
            assertThat(c.at("/CallRecord/Duration").asInt()).isEqualTo(35);

            Received legacyCall = receiver.received("/legacy-campaign-calls").stream()
                    .filter(r -> r.body().contains("call-2"))
                    .findFirst()
                    .orElseThrow();
            assertThat(legacyCall.header("webhook-signature"))
                    .as("legacy postbacks are not signed")
                    .isNull();
            assertThat(legacyCall.header("X-Ledger-Delivery")).startsWith("msg_");
            Element callFinished = parse(legacyCall.body());
            assertThat(callFinished.getTagName()).isEqualTo("call-finished");
            assertThat(text(callFinished, "phonenumber")).isEqualTo("3105550100");
            assertThat(text(callFinished, "extra-data")).isEqualTo("name=Bob");
            assertThat(text(callFinished, "disposition")).isEqualTo("LA");

            Element finishedXml = parse(receiver.received("/finished").get(0).body());
            assertThat(text(child(finishedXml, "Broadcast"), "Status")).isEqualTo("FINISHED");
            assertSigned(
                    receiver.received("/finished").get(0),
                    finished.get("secret").asText(),
                    Instant.now().minusSeconds(60));

            Element summary =
                    child(parse(receiver.received("/legacy-finished").get(0).body()), "campaign");
            assertThat(text(summary, "id")).isEqualTo(String.valueOf(campaign));
            assertThat(text(summary, "status")).isEqualTo("finished");
            assertThat(text(summary, "cost"))
                    .as("0 s, 35 s and 12 s bill 0 + 1 + 1 minutes at the default $0.05")
                    .isEqualTo("$0.10");
            Element stats = child(summary, "campaign-stats");
            // Two numbers, each counted once under its latest result: +12135551212 BUSY then AM, +13105550100 LA.
            assertThat(text(stats, "total")).isEqualTo("2");
            assertThat(text(stats, "dialed")).isEqualTo("2");
            assertThat(text(stats, "live")).isEqualTo("1");
            assertThat(text(stats, "machine")).isEqualTo("1");
            assertThat(text(stats, "busy")).isEqualTo("0");
        } finally {
            api.delete("/api/callbacks/callfinish");
            api.delete("/api/callbacks/callfinish/" + campaign);
            api.delete("/api/callbacks/campaignfinish");
        }
    }

    // --- legacy postbacks -------------------------------------------------------------------------------

    /** Seed 001's clients retry a form post: under one Idempotency-Key the second answers the first's XML. */
    @Test
    void aLegacyPostbackRepeatedUnderOneKeyIsSavedOnce() throws Exception {
        long campaign = createCampaign("Legacy, once");
        String path = "/api/callbacks/callfinish/" + campaign;
        String form = "postUrl=" + URLEncoder.encode(receiver.url("/once"), StandardCharsets.UTF_8);
        Map<String, String> headers =
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Idempotency-Key", "pb-" + campaign);
        Response first = api.send("POST", path, form, headers);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Response again = api.send("POST", path, form, headers);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Content-Type")).startsWith("application/xml");
        assertThat(text(parse(again.body()), "description")).isEqualTo("Saved");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM notification_audit WHERE entity_type = 'POSTBACK' AND entity_id = "
                                + "(SELECT CAST(id AS VARCHAR(64)) FROM legacy_postback WHERE campaign_id = ?)",
                        Long.class,
                        campaign))
                .isEqualTo(1);
        String otherUrl = "postUrl=" + URLEncoder.encode(receiver.url("/other"), StandardCharsets.UTF_8);
        assertProblem(api.send("POST", path, otherUrl, headers), 422, null);
        assertThat(api.send("DELETE", path, null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void legacyPostbackSubscriptionsAnswerLikeTheSeed() throws Exception {
        long campaign = createCampaign("Legacy");
        String path = "/api/callbacks/callfinish/" + campaign;
        Response form = api.send(
                "POST",
                path,
                "apikey=ignored&postUrl=" + URLEncoder.encode(receiver.url("/pb"), StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.header("Content-Type")).startsWith("application/xml");
        Element report = parse(form.body());
        assertThat(report.getTagName()).isEqualTo("reportResponse");
        assertThat(text(report, "description")).isEqualTo("Saved");
        assertThat(text(report, "success")).isEqualTo("true");

        Response json = api.send(
                "POST", path, "{\"postUrl\": \"" + receiver.url("/pb2") + "\"}", Map.of("Accept", "application/json"));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json().at("/reportResponse/success").asBoolean()).isTrue();
        JsonNode active = api.get("/api/callbacks").json();
        assertThat(active.findValuesAsText("postUrl"))
                .contains(receiver.url("/pb2"))
                .doesNotContain(receiver.url("/pb"));

        assertProblem(
                api.send("POST", path, "", Map.of("Content-Type", "application/x-www-form-urlencoded")),
                400,
                "postUrl");
        assertProblem(api.send("POST", path, "{\"postUrl\": 5}", Map.of()), 400, "postUrl");
        assertProblem(
                api.send(
                        "POST",
                        path,
                        "postUrl=" + URLEncoder.encode(receiver.url("/pb"), StandardCharsets.UTF_8) + "%00",
                        Map.of("Content-Type", "application/x-www-form-urlencoded")),
                400,
                "postUrl");
        assertProblem(api.send("POST", path, "{\"postURL\": \"x\"}", Map.of()), 400, "postURL");
        assertProblem(api.send("POST", path, "{\"postUrl\": \"gopher://example.com/\"}", Map.of()), 400, "postUrl");

        Response deleted = api.send("DELETE", path, null, Map.of("Accept", "application/xml"));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(text(parse(deleted.body()), "description")).isEqualTo("Deleted");
        assertProblem(api.delete(path), 404, null);
        assertThat(jdbc.queryForList(
                        "SELECT action FROM notification_audit WHERE entity_type = 'POSTBACK' AND entity_id = "
                                + "(SELECT CAST(id AS VARCHAR(64)) FROM legacy_postback WHERE campaign_id = ?) ORDER BY id",
                        String.class,
                        campaign))
                .containsExactly("CREATED", "UPDATED", "DELETED");
    }

    // --- e-mail -----------------------------------------------------------------------------------------

    @Test
    void emailNotificationsGoThroughSmtp() throws Exception {
        long campaign = createCampaign("Mailed drive");
        Response created = api.post(
                "/api/subscriptions",
                body(Map.of(
                        "endpoint",
                        "mailto:ops@example.com",
                        "triggerEvent",
                        "CAMPAIGN_STARTED",
                        "notificationFormat",
                        "EMAIL",
                        "campaignId",
                        campaign)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        control(campaign, "START");
        await().atMost(WAIT).until(() -> MAIL.getReceivedMessagesForDomain("example.com").length >= 1);
        MimeMessage message = MAIL.getReceivedMessagesForDomain("example.com")[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
        assertThat(message.getSubject()).contains("CAMPAIGN_STARTED").contains(String.valueOf(campaign));
        String text = GreenMailUtil.getBody(message);
        assertThat(text).contains("BroadcastNotification").contains("Mailed drive");
        JsonNode delivery = await().atMost(WAIT)
                .until(
                        () -> deliveries(created.json().get("id").asLong()),
                        d -> d.at("/content/0/status").asText().equals("DELIVERED"))
                .at("/content/0");
        assertThat(delivery.get("format").asText()).isEqualTo("EMAIL");
        assertThat(delivery.get("signed").asBoolean()).isFalse();
    }

    // --- isolation of endpoints -------------------------------------------------------------------------

    @Test
    void aSlowEndpointDoesNotHoldUpTheOthers() {
        WebhookReceiver slow = WebhookReceiver.start();
        extraReceivers.add(slow);
        CountDownLatch release = new CountDownLatch(1);
        long campaign = createCampaign("Slow and fast");
        for (int i = 1; i <= 5; i++) {
            slow.always("/slow" + i, Reply.heldUntil(release, 200));
            subscribe(slow.url("/slow" + i), "CAMPAIGN_STARTED", "JSON", campaign);
        }
        JsonNode fast = subscribe(receiver.url("/fast"), "CAMPAIGN_STARTED", "JSON", campaign);
        try {
            control(campaign, "START");
            await().atMost(WAIT).until(() -> receiver.received("/fast").size() == 1);
            // The fast endpoint was served while the slow one still held every request it had been sent.
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM notification_attempt a JOIN notification_delivery d "
                                    + "ON d.id = a.delivery_id WHERE d.campaign_id = ? AND d.endpoint LIKE ?",
                            Long.class,
                            campaign,
                            slow.url("/slow") + "%"))
                    .isZero();
            await().atMost(WAIT)
                    .until(() -> deliveries(fast.get("id").asLong())
                            .at("/content/0/status")
                            .asText()
                            .equals("DELIVERED"));
            assertThat(slow.maxInFlight())
                    .as("at most max-per-endpoint requests to one endpoint at once")
                    .isBetween(1, 2);
        } finally {
            release.countDown();
        }
    }

    // --- replay -----------------------------------------------------------------------------------------

    @Test
    void theOutboxIsNeverReplayedAndARebuildByHandSendsNothingTwice() {
        long campaign = createCampaign("Replayed");
        JsonNode started = subscribe(receiver.url("/replay-started"), "CAMPAIGN_STARTED", "JSON", campaign);
        JsonNode stopped = subscribe(receiver.url("/replay-stopped"), "CAMPAIGN_STOPPED", "JSON", campaign);
        control(campaign, "START");
        await().atMost(WAIT)
                .until(() -> deliveries(started.get("id").asLong())
                        .at("/content/0/status")
                        .asText()
                        .equals("DELIVERED"));

        StreamingEventProcessor outbox = processing
                .eventProcessor(NotificationOutbox.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        outbox.shutDown();
        // The outbox acts on the world: Axon refuses to reset it (@DisallowReplay), so no replay sends the past again.
        assertThat(outbox.supportsReset()).isFalse();
        assertThatThrownBy(outbox::resetTokens).isInstanceOf(IllegalStateException.class);
        // A rebuild by hand (docs/operations.md) drops its tokens instead: it reads the stream from the first event
        // again, and every decision it meets again must find its delivery already queued.
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", NotificationOutbox.PROCESSING_GROUP);
        outbox.start();
        await().atMost(WAIT)
                .until(() -> outbox.isRunning()
                        && outbox.processingStatus().size() == 2
                        && outbox.processingStatus().values().stream()
                                .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head));
        // Then something new goes through.
        control(campaign, "STOP");
        await().atMost(WAIT).until(() -> receiver.received("/replay-stopped").size() == 1);

        assertThat(deliveries(started.get("id").asLong()).get("totalElements").asLong())
                .isOne();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM notification_delivery WHERE subscription_id = ?",
                        Long.class,
                        started.get("id").asLong()))
                .isOne();
        assertThat(receiver.received("/replay-started")).hasSize(1);
        assertThat(outbox.processingStatus().values()).noneMatch(EventTrackerStatus::isErrorState);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    long createCampaign(String name) {
        Response created = api.post(
                "/api/campaigns",
                body(Map.of(
                        "name",
                        name,
                        "fromNumber",
                        "9206596476",
                        "labels",
                        List.of("east", "q4"),
                        "numbers",
                        List.of(
                                Map.of("number", "2135551212"),
                                Map.of("number", "3105550100", "extraData", Map.of("name", "Bob"))))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** XML delivery attempts that ended with the outcome, as the delivery metrics count them. */
    double attempts(String outcome) {
        Timer timer = meters.find("ledger.notifications.delivery.attempts")
                .tags("outcome", outcome, "format", "XML")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    void control(long campaign, String command) {
        Response r = api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"" + command + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    JsonNode subscribe(String endpoint, String trigger, String format, long campaign) {
        Response created = api.post(
                "/api/subscriptions",
                body(Map.of(
                        "endpoint",
                        endpoint,
                        "triggerEvent",
                        trigger,
                        "notificationFormat",
                        format,
                        "campaignId",
                        campaign)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    void postback(String path, String url) {
        Response r = api.post(path, body(Map.of("postUrl", url)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    JsonNode deliveries(long subscription) {
        Response r = api.get("/api/subscriptions/" + subscription + "/deliveries");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    void publish(Object event) {
        events.publish(GenericEventMessage.asEventMessage(event));
    }

    static void assertSigned(Received request, String secret, Instant notBefore) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        assertThat(id).startsWith("msg_");
        assertThat(Long.parseLong(timestamp))
                .isBetween(notBefore.getEpochSecond() - 1, Instant.now().getEpochSecond() + 1);
        assertThat(request.header("webhook-signature")).startsWith("v1,");
        assertThat(StandardWebhooks.verify(secret, id, timestamp, request.body(), request.header("webhook-signature")))
                .as("signature verifies with the subscription's secret")
                .isTrue();
        assertThat(StandardWebhooks.verify(
                        "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                        id,
                        timestamp,
                        request.body(),
                        request.header("webhook-signature")))
                .as("and with no other")
                .isFalse();
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field"))
                    .as(response.toString())
                    .contains(field);
        }
    }

    static String body(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
    }

    static Element child(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }
}
