package com.campaignledger.web.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.Metrics;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event a read model cannot take is dead-lettered, not skipped, on the production store, where a failed statement
 * aborts the processor's transaction. The fault is injected below the service: a CHECK constraint on the campaign
 * view that one rename violates. A database of its own: the test alters a table and replays a processor.
 */
@RequiresPostgres
@ActiveProfiles("postgres")
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterPostgresTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String VIEW = "campaign-view";
    static final String CONSTRAINT =
            "ALTER TABLE campaign_view ADD CONSTRAINT injected_fault CHECK (name NOT LIKE '%poison%')";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("deadletters");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aFailedEventWaitsWithItsAggregateOthersFlowHealthNamesItAndARetryAfterTheFixEqualsARebuild() {
        long poisoned = create("Poisoned later");
        long healthy = create("Healthy");
        jdbc.execute(CONSTRAINT);

        // Acknowledged: the events are stored whatever a read model makes of them.
        assertThat(rename(poisoned, "a poison name").status()).isEqualTo(200);
        assertThat(rename(poisoned, "after the poison").status()).isEqualTo(200);
        assertThat(rename(healthy, "Healthy, renamed").status()).isEqualTo(200);

        // The other campaign flows; the poisoned one waits at its last good version, its two events dead-lettered.
        await().atMost(WAIT).until(() -> name(healthy).equals("Healthy, renamed"));
        List<JsonNode> letters = await().atMost(WAIT).until(() -> letters(VIEW), l -> l.size() == 2);
        assertThat(name(poisoned)).isEqualTo("Poisoned later");
        JsonNode sequences =
                api.get("/api/admin/dead-letters?processor=" + VIEW).json();
        assertThat(sequences).hasSize(1);
        assertThat(sequences.get(0).get("sequence").asText()).isEqualTo("campaign-" + poisoned);
        JsonNode failed = letters.get(0);
        assertThat(failed.get("eventType").asText()).isEqualTo("CampaignUpdatedEvent");
        assertThat(failed.get("aggregateIdentifier").asText()).isEqualTo("campaign-" + poisoned);
        assertThat(failed.get("causeMessage").asText()).contains("injected_fault");
        assertThat(letters.get(1).get("causeType").isNull())
                .as("waits behind the failed one")
                .isTrue();

        // Health names the processor and the event; the meter counts the letters.
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        JsonNode view = health.at("/components/eventProcessors/details/" + VIEW);
        assertThat(view.get("status").asText()).isEqualTo("DOWN");
        assertThat(view.get("reason").asText())
                .contains("2 events dead-lettered")
                .contains(failed.get("eventIdentifier").asText())
                .contains("campaign-" + poisoned);
        assertThat(Metrics.value(
                        Metrics.scrape(api), "ledger_processor_dead_letters", "processorName=\"" + VIEW + "\""))
                .isEqualTo(2.0);

        // A retry before the cause is fixed fails again and keeps both letters.
        Response stillFailing = api.post("/api/admin/dead-letters/" + VIEW + "/retry", "");
        assertThat(stillFailing.status()).as(stillFailing.toString()).isEqualTo(200);
        assertThat(stillFailing.json().get("succeeded").asInt()).isZero();
        assertThat(stillFailing.json().get("remaining").asLong()).isEqualTo(2);
        assertThat(name(poisoned)).isEqualTo("Poisoned later");

        // Fixed below the service, retried: the model is back with the events, and equals a rebuild from the store.
        jdbc.execute("ALTER TABLE campaign_view DROP CONSTRAINT injected_fault");
        Response retried = api.post("/api/admin/dead-letters/" + VIEW + "/retry", "");
        assertThat(retried.json().get("succeeded").asInt())
                .as(retried.toString())
                .isEqualTo(1);
        assertThat(retried.json().get("remaining").asLong()).isZero();
        assertThat(name(poisoned)).isEqualTo("after the poison");
        await().atMost(WAIT).until(() -> "UP".equals(viewHealth()));
        List<Map<String, Object>> live = viewRows();
        assertThat(api.post("/api/admin/processors/" + VIEW + "/replay", "").status())
                .isEqualTo(202);
        await().atMost(WAIT).until(() -> viewRows().equals(live) && replayed());
        assertThat(viewRows()).isEqualTo(live);
    }

    @Test
    void anEvictedSequenceLeavesTheQueueAndAnUnknownOneIs404() {
        long campaign = create("Evicted later");
        jdbc.execute(CONSTRAINT.replace("injected_fault", "injected_fault_2").replace("poison", "evict me"));
        try {
            assertThat(rename(campaign, "evict me").status()).isEqualTo(200);
            await().atMost(WAIT)
                    .until(() -> letters(VIEW).stream()
                            .anyMatch(l -> l.get("aggregateIdentifier").asText().equals("campaign-" + campaign)));
            assertThat(api.delete("/api/admin/dead-letters/" + VIEW + "/campaign-" + campaign)
                            .status())
                    .isEqualTo(204);
            assertThat(letters(VIEW))
                    .noneMatch(l -> l.get("aggregateIdentifier").asText().equals("campaign-" + campaign));
            assertThat(name(campaign)).as("evicted, not handled").isEqualTo("Evicted later");
            Response again = api.delete("/api/admin/dead-letters/" + VIEW + "/campaign-" + campaign);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.delete("/api/admin/dead-letters/no-such-processor/x").status())
                    .isEqualTo(404);
        } finally {
            jdbc.execute("ALTER TABLE campaign_view DROP CONSTRAINT IF EXISTS injected_fault_2");
        }
    }

    @Test
    void deadLettersAreForAdminsOnly() {
        String account = "dl-" + System.nanoTime() % 100_000;
        assertThat(api.post("/api/admin/accounts", "{\"id\": \"" + account + "\", \"name\": \"Other\"}")
                        .status())
                .isEqualTo(201);
        Response credential =
                api.post("/api/admin/accounts/" + account + "/credentials", "{\"login\": \"" + account + "-api\"}");
        ApiClient user =
                api.as(account + "-api", credential.json().get("secret").asText());
        assertThat(user.get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(user.post("/api/admin/dead-letters/" + VIEW + "/retry", "").status())
                .isEqualTo(403);
    }

    private long create(String name) {
        Response created = api.post("/api/campaigns", "{\"name\": \"" + name + "\", \"fromNumber\": \"9206596476\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        await().atMost(WAIT).until(() -> api.get("/api/campaigns/" + id).status() == 200);
        return id;
    }

    private Response rename(long campaign, String name) {
        Response response = api.patch("/api/campaigns/" + campaign, "{\"name\": \"" + name + "\"}", Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private String name(long campaign) {
        return api.get("/api/campaigns/" + campaign).json().get("name").asText();
    }

    private List<JsonNode> letters(String processor) {
        Response response = api.get("/api/admin/dead-letters?processor=" + processor);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(response.json().spliterator(), false)
                .flatMap(sequence -> java.util.stream.StreamSupport.stream(
                        sequence.get("letters").spliterator(), false))
                .toList();
    }

    private String viewHealth() {
        return api.get("/actuator/health")
                .json()
                .at("/components/eventProcessors/details/" + VIEW + "/status")
                .asText();
    }

    private boolean replayed() {
        for (JsonNode processor : api.get("/api/admin/processors").json()) {
            if (processor.get("name").asText().equals(VIEW)) {
                return processor.get("replay").isNull() && processor.get("lag").asLong() == 0;
            }
        }
        return false;
    }

    private List<Map<String, Object>> viewRows() {
        return jdbc.queryForList("SELECT * FROM campaign_view ORDER BY campaign_id");
    }
}
