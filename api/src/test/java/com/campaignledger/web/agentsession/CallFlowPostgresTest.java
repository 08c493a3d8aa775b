package com.campaignledger.web.agentsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.campaignledger.testsupport.StandardWebhooks;
import com.campaignledger.testsupport.WebhookReceiver;
import com.campaignledger.testsupport.WebhookReceiver.Received;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A campaign from START to FINISHED on PostgreSQL: two agents call back and log in over REST, long-poll for
 * their calls and store responses (one ends with lastCall), while the simulated dialer (60× real time)
 * dials, retries and connects live answers. The campaign must finish exactly once with every number final,
 * and every integrator hears of it exactly once: JSON, XML and EMAIL subscriptions and both legacy postbacks.
 */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=true",
            "ledger.dialer.time-scale=60",
            "ledger.dialer.tick-millis=50",
            "ledger.dialer.ring-seconds=6",
            "ledger.dialer.talk-seconds=600",
            "ledger.dialer.seed=42",
            "ledger.dialer.outcomes.LA=50",
            "ledger.dialer.outcomes.BUSY=25",
            "ledger.dialer.outcomes.NO_ANS=25",
            "ledger.notifications.allow-private-endpoints=true",
            "ledger.notifications.delivery.poll-interval=100ms",
            "ledger.notifications.retry.initial-delay=200ms",
            "ledger.notifications.retry.max-delay=1s"
        })
class CallFlowPostgresTest {

    private static final int NUMBERS = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("callflow");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCampaignRunsFromStartToFinishedWithAgentsAndTheDialer() throws Exception {
        ApiClient api = new ApiClient(port);
        StringBuilder numbers = new StringBuilder("[");
        for (int i = 0; i < NUMBERS; i++) {
            numbers.append(i == 0 ? "" : ",")
                    .append("{\"number\":\"+1212555")
                    .append(String.format("%04d", 1000 + i))
                    .append("\",\"extraData\":{\"name\":\"Contact ")
                    .append(i)
                    .append("\"}}");
        }
        long id = api.post("/api/campaigns", """
                {"name": "End to end", "fromNumber": "2135550100", "script": "Hello!", "pacing": "ADAPTIVE",
                 "retryConfig": {"maxAttempts": 2, "minutesBetweenAttempts": 1, "retryResults": ["BUSY", "NO_ANS"]},
                 "dispositionLists": [{"name": "outcome", "dispositions": ["sale", "no sale"]}]}""").json().get("id").asLong();
        assertThat(api.post(
                                "/api/campaigns/" + id + "/numbers",
                                numbers.append("]").toString())
                        .status())
                .isEqualTo(200);
        String callsSecret = subscribe(api, id, "/calls", "OUTBOUND_CALL_FINISHED", "JSON");
        String startedSecret = subscribe(api, id, "/started", "CAMPAIGN_STARTED", "XML");
        String finishedSecret = subscribe(api, id, "/finished", "CAMPAIGN_FINISHED", "XML");
        subscribe(api, id, "mailto:ops@example.com", "CAMPAIGN_FINISHED", "EMAIL");
        assertThat(api.post(
                                "/api/callbacks/callfinish/" + id,
                                "{\"postUrl\": \"" + receiver.url("/legacy-calls") + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/callbacks/campaignfinish",
                                "{\"postUrl\": \"" + receiver.url("/legacy-finished") + "\"}")
                        .status())
                .isEqualTo(200);
        Instant started = Instant.now();
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "RUNNING"
                        .equals(api.get("/api/campaigns/" + id)
                                .json()
                                .path("status")
                                .asText()));

        long alice = logIn(api, id, "alice@example.com", "2125550001");
        long bob = logIn(api, id, "bob@example.com", "2125550002");
        // A second callback for an open session rings again with the same agent id.
        assertThat(api.post(
                                "/api/campaigns/" + id + "/agents/callback",
                                "{\"userId\": \"alice@example.com\", \"phoneNumber\": \"2125550001\"}")
                        .json()
                        .get("agentId")
                        .asLong())
                .isEqualTo(alice);

        AtomicBoolean finished = new AtomicBoolean();
        ExecutorService agents = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> aliceCalls = agents.submit(() -> work(api, id, alice, 2, finished));
            Future<Integer> bobCalls = agents.submit(() -> work(api, id, bob, Integer.MAX_VALUE, finished));
            // The simulated dialer takes its numbers as an external dialer does: leased from the dialable list.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> api.get("/api/campaigns/" + id + "/numbers?state=LEASED")
                                    .json()
                                    .path("totalElements")
                                    .asLong()
                            > 0);
            await().atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("an agent's loop failed", () -> failed(bobCalls))
                    .until(() -> "FINISHED"
                            .equals(api.get("/api/campaigns/" + id)
                                    .json()
                                    .path("status")
                                    .asText()));
            finished.set(true);
            assertThat(aliceCalls.get(60, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(bobCalls.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            agents.shutdownNow();
        }

        String aggregate = "campaign-" + id;
        // ADAPTIVE pacing: the dialer's lines per ready agent are on record with the figures behind them.
        assertThat(count(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "AND payload_type LIKE '%DialRatioAdjustedEvent'",
                        aggregate))
                .isPositive();
        assertThat(count(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "AND payload_type LIKE '%CampaignFinishedEvent'",
                        aggregate))
                .isEqualTo(1);
        List<Map<String, Object>> results = jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') AS p FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%CallResultRecordedEvent' ORDER BY sequence_number",
                aggregate);
        long finals = results.stream()
                .filter(r -> r.get("p").toString().contains("\"finalForNumber\":true"))
                .count();
        assertThat(finals).as("every number has exactly one final result").isEqualTo(NUMBERS);
        assertThat(results.stream()
                        .map(r -> r.get("p").toString())
                        .filter(p -> p.contains("\"result\":\"LA\"") && p.contains("\"agentSessionId\":" + alice))
                        .count())
                .isEqualTo(2);

        // Each integrator hears of every call and of the start and the finish exactly once (by delivery id).
        List<String> callIds = results.stream()
                .map(r -> read(r.get("p").toString()).get("callId").asText())
                .toList();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> distinct(receiver.received("/calls")).size() == callIds.size()
                        && distinct(receiver.received("/legacy-calls")).size() == callIds.size()
                        && distinct(receiver.received("/started")).size() == 1
                        && distinct(receiver.received("/finished")).size() == 1
                        && distinct(receiver.received("/legacy-finished")).size() == 1
                        && MAIL.getReceivedMessagesForDomain("example.com").length >= 1);
        assertThat(distinct(receiver.received("/calls")).values().stream()
                        .map(r -> read(r.body())
                                .at("/CallFinished/Call/CallRecord/@id")
                                .asText()))
                .containsExactlyInAnyOrderElementsOf(callIds);
        assertThat(distinct(receiver.received("/legacy-calls")).values().stream()
                        .map(r -> r.body().replaceAll("(?s).*<callid>([^<]*)</callid>.*", "$1")))
                .containsExactlyInAnyOrderElementsOf(callIds);
        distinct(receiver.received("/calls")).values().forEach(r -> assertSigned(r, callsSecret, started));
        assertSigned(receiver.received("/started").get(0), startedSecret, started);
        Received finishedNote = receiver.received("/finished").get(0);
        assertSigned(finishedNote, finishedSecret, started);
        assertThat(finishedNote.body()).contains("<Status>FINISHED</Status>");
        assertThat(receiver.received("/legacy-finished").get(0).body())
                .contains("<campaign-finished>")
                .contains("<dialed>" + NUMBERS + "</dialed>");
        assertThat(MAIL.getReceivedMessagesForDomain("example.com")).hasSize(1);
        assertThat(MAIL.getReceivedMessagesForDomain("example.com")[0].getSubject())
                .contains("CAMPAIGN_FINISHED");

        // Live stats count every dial once in attempts and every number once, under its latest result; the summary's
        // campaign-stats say what the campaign-finished postback said.
        JsonNode live = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/campaigns/" + id + "/stats").json(),
                        s -> s.get("attempts").asLong() == results.size());
        assertThat(live.get("total").asLong()).isEqualTo(NUMBERS);
        assertThat(live.get("dialed").asLong()).isEqualTo(NUMBERS);
        assertThat(List.of("live", "machine", "noanswer", "dnc", "busy", "transfer", "error", "misc").stream()
                        .mapToLong(c -> live.get(c).asLong())
                        .sum())
                .isEqualTo(NUMBERS);
        String summary = api.send("GET", "/api/campaigns/" + id + "/summary", null, Map.of("Accept", "application/xml"))
                .body();
        String postback = receiver.received("/legacy-finished").get(0).body();
        assertThat(summary.replaceAll("(?s).*(<campaign-stats>.*</campaign-stats>).*", "$1")
                        .replaceAll("\\s", ""))
                .isEqualTo(postback.replaceAll("(?s).*(<campaign-stats>.*</campaign-stats>).*", "$1")
                        .replaceAll("\\s", ""));

        JsonNode stats = api.get("/api/campaigns/" + id + "/agents").json();
        assertThat(stats).hasSize(2);
        JsonNode aliceStats = stats.get(0).get("id").asLong() == alice ? stats.get(0) : stats.get(1);
        assertThat(aliceStats.get("calls").asInt()).isEqualTo(2);
        assertThat(aliceStats.get("loggedOut").isNull()).isFalse();
        // Bob was still logged in when the campaign finished: the ledger logged him out.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + id + "/agents").json().findValuesAsText("state").stream()
                        .allMatch("LOGGED_OUT"::equals));
    }

    /** Whether the agent's loop ended with an error (it prints it): ending because the campaign finished is fine. */
    private static boolean failed(Future<Integer> agent) throws InterruptedException {
        if (!agent.isDone()) {
            return false;
        }
        try {
            agent.get();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            e.getCause().printStackTrace();
            return true;
        }
    }

    private String subscribe(ApiClient api, long campaign, String endpoint, String trigger, String format) {
        String url = endpoint.startsWith("/") ? receiver.url(endpoint) : endpoint;
        Response created = api.post(
                "/api/subscriptions",
                "{\"endpoint\": \"" + url + "\", \"triggerEvent\": \"" + trigger + "\", \"notificationFormat\": \""
                        + format + "\", \"campaignId\": " + campaign + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("secret").asText();
    }

    /** What a receiver keeps after de-duplicating by delivery id. */
    private static Map<String, Received> distinct(List<Received> received) {
        Map<String, Received> byId = new LinkedHashMap<>();
        received.forEach(r -> byId.putIfAbsent(
                r.header("webhook-id") != null ? r.header("webhook-id") : r.header("X-Ledger-Delivery"), r));
        return byId;
    }

    private static void assertSigned(Received request, String secret, Instant notBefore) {
        String timestamp = request.header("webhook-timestamp");
        assertThat(Long.parseLong(timestamp)).isGreaterThanOrEqualTo(notBefore.getEpochSecond() - 1);
        assertThat(StandardWebhooks.verify(
                        secret,
                        request.header("webhook-id"),
                        timestamp,
                        request.body(),
                        request.header("webhook-signature")))
                .as("signature of %s", request.body())
                .isTrue();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private long logIn(ApiClient api, long campaign, String user, String phone) {
        Response callback = api.post(
                "/api/campaigns/" + campaign + "/agents/callback",
                "{\"userId\": \"" + user + "\", \"phoneNumber\": \"" + phone + "\"}");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        long agentId = callback.json().get("agentId").asLong();
        Response login = api.post(
                "/api/campaigns/" + campaign + "/agents/" + agentId + "/login", "{\"userId\": \"" + user + "\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("state").asText()).isEqualTo("READY");
        return agentId;
    }

    /** An agent's loop (seed 003): wait for a connection, store a response; the last one with lastCall. */
    private static int work(ApiClient api, long campaign, long agent, int maxCalls, AtomicBoolean finished) {
        String base = "/api/campaigns/" + campaign + "/agents/" + agent;
        int calls = 0;
        Instant deadline = Instant.now().plusSeconds(150);
        while (calls < maxCalls && !finished.get() && Instant.now().isBefore(deadline)) {
            Response connection = api.get(base + "/connection?waitSeconds=2");
            if (connection.status() == 204) {
                continue;
            }
            if (connection.status() == 409) {
                break; // logged out by the ledger: the campaign finished
            }
            assertThat(connection.status()).as(connection.toString()).isEqualTo(200);
            JsonNode call = connection.json();
            assertThat(call.get("script").asText()).isEqualTo("Hello!");
            assertThat(call.at("/extraData/name").asText()).startsWith("Contact ");
            assertThat(call.at("/dispositionLists/0/dispositions").toString()).contains("sale");
            calls++;
            boolean last = calls == maxCalls;
            Response stored = api.post(
                    base + "/responses",
                    "{\"callId\": \"" + call.get("callId").asText()
                            + "\", \"agentResponse\": \"sale\", \"agentNotes\": \"call " + calls + "\", \"lastCall\": "
                            + last + "}");
            assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
            assertThat(stored.json().get("state").asText()).isEqualTo(last ? "LOGGED_OUT" : "READY");
        }
        return calls;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
