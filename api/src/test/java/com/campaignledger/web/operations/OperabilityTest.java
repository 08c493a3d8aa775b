package com.campaignledger.web.operations;

import static com.campaignledger.testsupport.Metrics.value;
import static com.campaignledger.testsupport.Metrics.valueOrZero;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.Metrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an operator sees of the running service: meters at /actuator/prometheus, health at /actuator/health,
 * and the log lines of requests and failed commands (here as ECS JSON lines, as in production).
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability(tracing = false) // tests switch metric export off unless asked
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:operability;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "logging.structured.format.console=ecs"
        })
@DirtiesContext
class OperabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + id).status() == 200);
        return id;
    }

    @Test
    void prometheusShowsCommandsEventsAndProcessorPositions() {
        String before = scrape();
        long id = createAndAwaitProjection(Map.of());
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(409);

        String after = scrape();
        String create = "payloadType=\"CreateCampaignCommand\"";
        assertThat(value(after, "commandBus_allTimer_seconds_count", create))
                .isEqualTo(valueOrZero(before, "commandBus_allTimer_seconds_count", create) + 1);
        assertThat(value(after, "commandBus_allTimer_seconds_sum", create)).isPositive();
        assertThat(value(after, "commandBus_allTimer_seconds_max", create))
                .isPositive()
                .isLessThan(60);
        String start = "payloadType=\"StartCampaignCommand\"";
        assertThat(value(after, "commandBus_failureCounter_total", start))
                .isEqualTo(valueOrZero(before, "commandBus_failureCounter_total", start) + 1);
        assertThat(value(after, "eventStore_successCounter_total"))
                .isGreaterThanOrEqualTo(valueOrZero(before, "eventStore_successCounter_total") + 1);
        String processor = "processorName=\"" + PROCESSOR + "\"";
        assertThat(value(
                        after,
                        "eventProcessor_successCounter_total",
                        processor,
                        "payloadType=\"CampaignCreatedEvent\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(
                        after,
                        "eventProcessor_failureCounter_total",
                        processor,
                        "payloadType=\"CampaignCreatedEvent\""))
                .isZero();
        assertThat(value(after, "commandBus_allTimer_seconds", create, "quantile=\"0.99\""))
                .isPositive();
        assertThat(value(after, "eventStore_allTimer_seconds_count", "payloadType=\"CampaignCreatedEvent\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "eventProcessor_latency", processor))
                .isNotNegative()
                .isLessThan(60_000);
        // Only the documented meters: none of the extra timers, counters and capacity gauges of axon-micrometer.
        assertThat(after)
                .doesNotContain(
                        "commandBus_capacity",
                        "commandBus_successTimer",
                        "eventProcessor_ingestedCounter",
                        "eventProcessor_capacity",
                        "eventProcessor_allTimer");

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
        JsonNode health = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/actuator/health"), r -> r.status() == 200)
                .json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        JsonNode processor = health.at("/components/eventProcessors/details/" + PROCESSOR);
        assertThat(processor.get("status").asText()).isEqualTo("UP");
        assertThat(processor.get("running").asBoolean()).isTrue();
        assertThat(processor.get("lag").asLong()).isZero();
        assertThat(processor.get("position").asLong())
                .isEqualTo(processor.get("head").asLong())
                .isPositive();
    }

    @Test
    void aStoppedProcessorTakesHealthDownButNotReadiness() throws Exception {
        StreamingEventProcessor processor = processing
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            Response down = await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get("/actuator/health"), r -> r.status() == 503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            JsonNode component = down.json().at("/components/eventProcessors");
            assertThat(component.get("status").asText()).isEqualTo("DOWN");
            assertThat(component.at("/details/" + PROCESSOR + "/status").asText())
                    .isEqualTo("DOWN");
            assertThat(component.at("/details/" + PROCESSOR + "/reason").asText())
                    .isEqualTo("not running");
            assertThat(down.json().at("/components/db/status").asText()).isEqualTo("UP");
            // Commands are still taken: a load balancer asks readiness, which leaves read models out.
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(api.post("/api/campaigns", CAMPAIGN).status()).isEqualTo(201);
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/actuator/health").status() == 200);
    }

    @Test
    void requestsAndFailedCommandsAreLoggedAsJsonWithTheirIdsAndNoPayload(CapturedOutput output) {
        long id = createAndAwaitProjection(Map.of("X-Request-Id", "log-create", "X-Correlation-Id", "log-flow"));
        Response refused = api.post(
                "/api/campaigns/" + id + "/control",
                "{\"command\": \"START\"}",
                Map.of("X-Request-Id", "log-start", "X-Correlation-Id", "log-flow"));
        assertThat(refused.status()).isEqualTo(409);

        JsonNode created = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> line(output, "requestId", "log-create", "message", "POST /api/campaigns 201"),
                        l -> l != null);
        assertThat(created.get("correlationId").asText()).isEqualTo("log-flow");
        assertThat(created.get("method").asText()).isEqualTo("POST");
        assertThat(created.get("path").asText()).isEqualTo("/api/campaigns");
        assertThat(created.get("status").asInt()).isEqualTo(201);
        assertThat(created.get("durationMs").asLong()).isNotNegative();
        assertThat(created.get("actor").asText()).isEqualTo(ApiClient.ADMIN_LOGIN);

        JsonNode request = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> line(output, "requestId", "log-start", "path", "/api/campaigns/" + id + "/control"),
                        l -> l != null);
        assertThat(request.get("status").asInt()).isEqualTo(409);
        JsonNode command = line(output, "requestId", "log-start", "command", "StartCampaignCommand");
        assertThat(command).as("failed command line in\n%s", output).isNotNull();
        assertThat(command.get("outcome").asText()).isEqualTo("refused");
        assertThat(command.get("aggregate").asText()).isEqualTo("campaign-" + id);
        assertThat(command.get("correlationId").asText()).isEqualTo("log-flow");
        assertThat(command.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(lines(output).stream()
                        .filter(l -> "log-start".equals(l.path("requestId").asText()) && l.has("command")))
                .hasSize(1);

        assertThat(output.getAll()).doesNotContain("script-not-for-logs").doesNotContain("pass-not-for-logs");
    }

    @Test
    void aRequestThatGoesAsynchronousIsLoggedOnceWithItsFinalStatus(CapturedOutput output) {
        Response response = api.send("GET", "/test/async", null, Map.of("X-Request-Id", "log-async"));
        assertThat(response.status()).isEqualTo(202);
        JsonNode line = await().atMost(Duration.ofSeconds(5))
                .until(() -> line(output, "requestId", "log-async", "path", "/test/async"), l -> l != null);
        assertThat(line.get("status").asInt()).isEqualTo(202);
        assertThat(line.get("durationMs").asLong()).isGreaterThanOrEqualTo(50);
        assertThat(lines(output).stream()
                        .filter(l -> "/test/async".equals(l.path("path").asText())))
                .hasSize(1);
    }

    /** A long-polling endpoint, as the agent connection is: answered later, on another thread. */
    @TestConfiguration
    static class AsyncEndpoint {

        @Bean
        AsyncController asyncController() {
            return new AsyncController();
        }
    }

    @RestController
    static class AsyncController {

        @GetMapping("/test/async")
        Callable<ResponseEntity<String>> later() {
            return () -> {
                TimeUnit.MILLISECONDS.sleep(50);
                return ResponseEntity.accepted().body("later");
            };
        }
    }

    private String scrape() {
        return Metrics.scrape(api);
    }

    private static List<JsonNode> lines(CapturedOutput output) {
        return output.getOut()
                .lines()
                .filter(l -> l.startsWith("{"))
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON log line: " + l, e);
                    }
                })
                .toList();
    }

    /** The first JSON log line whose fields have these values (a message is matched by its start). */
    private static JsonNode line(CapturedOutput output, String... fieldsAndValues) {
        return lines(output).stream()
                .filter(l -> {
                    for (int i = 0; i < fieldsAndValues.length; i += 2) {
                        String actual = l.path(fieldsAndValues[i]).asText();
                        String wanted = fieldsAndValues[i + 1];
                        if (!(fieldsAndValues[i].equals("message")
                                ? actual.startsWith(wanted)
                                : actual.equals(wanted))) {
                            return false;
                        }
                    }
                    return true;
                })
                .findFirst()
                .orElse(null);
    }
}
