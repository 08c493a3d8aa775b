package com.campaignledger.operations;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the running service: meters at /actuator/prometheus, health at /actuator/health.
 */
@AutoConfigureObservability(tracing = false) // tests switch metric export off unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:operability;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@DirtiesContext
class OperabilityTest {

    private static final String PROCESSOR = "campaign-view";
    private static final String CAMPAIGN = """
            {"name": "Observed", "fromNumber": "9206596476", "script": "script-not-for-logs", "passcode": "pass-not-for-logs"}""";

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private long createAndAwaitProjection(Map<String, String> headers) {
        Response created = api.post("/api/campaigns", CAMPAIGN, headers);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/campaigns/" + id).status() == 200);
        return id;
    }

    @Test
    void prometheusShowsCommandsEventsAndProcessorPositions() {
        String before = scrape();
        long id = createAndAwaitProjection(Map.of());
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}").status()).isEqualTo(409);

        String after = scrape();
        String create = "payloadType=\"CreateCampaignCommand\"";
        assertThat(value(after, "commandBus_allTimer_seconds_count", create))
                .isEqualTo(valueOrZero(before, "commandBus_allTimer_seconds_count", create) + 1);
        assertThat(value(after, "commandBus_allTimer_seconds_sum", create)).isPositive();
        assertThat(value(after, "commandBus_allTimer_seconds_max", create)).isPositive().isLessThan(60);
        String start = "payloadType=\"StartCampaignCommand\"";
        assertThat(value(after, "commandBus_failureCounter_total", start))
                .isEqualTo(valueOrZero(before, "commandBus_failureCounter_total", start) + 1);
        assertThat(value(after, "eventStore_successCounter_total"))
                .isGreaterThanOrEqualTo(valueOrZero(before, "eventStore_successCounter_total") + 1);
        String processor = "processorName=\"" + PROCESSOR + "\"";
        assertThat(value(after, "eventProcessor_successCounter_total", processor, "payloadType=\"CampaignCreatedEvent\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "eventProcessor_failureCounter_total", processor, "payloadType=\"CampaignCreatedEvent\""))
                .isZero();

        // Gauges are read at most a second apart; the projection has seen the campaign, so it catches up.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String now = scrape();
            double head = value(now, "ledger_event_store_head");
            assertThat(head).isGreaterThanOrEqualTo(1);
            assertThat(value(now, "ledger_processor_position", processor)).isEqualTo(head);
            assertThat(value(now, "ledger_processor_lag_events", processor)).isZero();
            assertThat(value(now, "ledger_processor_running", processor)).isEqualTo(1);
            assertThat(value(now, "ledger_processor_segments", processor)).isPositive();
            assertThat(value(now, "ledger_processor_failing", processor)).isZero();
        });
    }

    @Test
    void healthShowsTheDatabaseAndEveryProcessor() {
        createAndAwaitProjection(Map.of());
        JsonNode health = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/actuator/health"),
                r -> r.status() == 200).json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        JsonNode processor = health.at("/components/eventProcessors/details/" + PROCESSOR);
        assertThat(processor.get("status").asText()).isEqualTo("UP");
        assertThat(processor.get("running").asBoolean()).isTrue();
        assertThat(processor.get("lag").asLong()).isZero();
        assertThat(processor.get("position").asLong()).isEqualTo(processor.get("head").asLong()).isPositive();
    }

    @Test
    void aStoppedProcessorTakesHealthDownButNotReadiness() throws Exception {
        StreamingEventProcessor processor = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            Response down = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/actuator/health"),
                    r -> r.status() == 503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            JsonNode component = down.json().at("/components/eventProcessors");
            assertThat(component.get("status").asText()).isEqualTo("DOWN");
            assertThat(component.at("/details/" + PROCESSOR + "/status").asText()).isEqualTo("DOWN");
            assertThat(component.at("/details/" + PROCESSOR + "/reason").asText()).isEqualTo("not running");
            assertThat(down.json().at("/components/db/status").asText()).isEqualTo("UP");
            // Commands are still taken: a load balancer asks readiness, which leaves read models out.
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(api.post("/api/campaigns", CAMPAIGN).status()).isEqualTo(201);
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/actuator/health").status() == 200);
    }

    private String scrape() {
        Response response = api.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static double value(String scrape, String meter, String... labels) {
        return find(scrape, meter, labels).orElseThrow(() -> new AssertionError(meter + " " + Arrays.toString(labels)
                + " is not in the scrape:\n" + scrape));
    }

    private static double valueOrZero(String scrape, String meter, String... labels) {
        return find(scrape, meter, labels).orElse(0.0);
    }

    private static java.util.Optional<Double> find(String scrape, String meter, String... labels) {
        return scrape.lines()
                .filter(l -> l.startsWith(meter + "{") || l.startsWith(meter + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
