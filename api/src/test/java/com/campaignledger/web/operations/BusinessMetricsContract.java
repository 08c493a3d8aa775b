package com.campaignledger.web.operations;

import static com.campaignledger.testsupport.Metrics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.Metrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The business meters at /actuator/prometheus (docs/operations.md, Metrics) move with what the service does, and every
 * meter the Grafana dashboard (docs/grafana/campaign-ledger.json) queries is one the service exports.
 */
@AutoConfigureObservability(tracing = false) // tests switch metric export off unless asked
@DirtiesContext
abstract class BusinessMetricsContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DASHBOARD = Path.of("../docs/grafana/campaign-ledger.json");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void callsAnswersCampaignsAgentsNumbersAndFailedLoginsShowInTheScrape() {
        String before = Metrics.scrape(api);
        Response created = api.post("/api/campaigns", """
                {"name": "Metered", "fromNumber": "9206596476",
                 "numbers": [{"number": "2135551212"}, {"number": "2135551213"}, {"number": "2135551214"},
                  {"number": "2135551215"}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Response started = api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        Response callback = api.post(
                "/api/campaigns/" + id + "/agents/callback",
                "{\"userId\": \"metered@example.com\", \"phoneNumber\": \"2125550001\"}");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        String calls = "/api/campaigns/" + id + "/calls";
        assertThat(api.post(calls, "{\"number\": \"2135551212\", \"result\": \"LA\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(calls, "{\"number\": \"2135551213\", \"result\": \"ABANDONED\"}")
                        .status())
                .isEqualTo(200);
        // A repeat under the same key is answered from the first answer.
        Map<String, String> key = Map.of("Idempotency-Key", "metered-busy");
        String busy = "{\"number\": \"2135551214\", \"result\": \"BUSY\"}";
        assertThat(api.post(calls, busy, key).status()).isEqualTo(200);
        assertThat(api.post(calls, busy, key).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.as(ApiClient.ADMIN_LOGIN, "not-the-secret")
                        .get("/api/campaigns")
                        .status())
                .isEqualTo(401);

        await().atMost(WAIT).untilAsserted(() -> {
            String after = Metrics.scrape(api);
            assertThat(value(after, "ledger_calls_total", "result=\"LA\"", "category=\"LIVE\""))
                    .isEqualTo(value(before, "ledger_calls_total", "result=\"LA\"") + 1);
            assertThat(value(after, "ledger_calls_total", "result=\"BUSY\"", "category=\"BUSY\""))
                    .isEqualTo(value(before, "ledger_calls_total", "result=\"BUSY\"") + 1);
            assertThat(value(after, "ledger_calls_total", "result=\"ABANDONED\"", "category=\"ABANDONED\""))
                    .isEqualTo(value(before, "ledger_calls_total", "result=\"ABANDONED\"") + 1);
            assertThat(value(after, "ledger_live_answers_total", "outcome=\"CONNECTED\""))
                    .isEqualTo(value(before, "ledger_live_answers_total", "outcome=\"CONNECTED\"") + 1);
            assertThat(value(after, "ledger_live_answers_total", "outcome=\"DROPPED_WITHOUT_MESSAGE\""))
                    .isEqualTo(value(before, "ledger_live_answers_total", "outcome=\"DROPPED_WITHOUT_MESSAGE\"") + 1);
            assertThat(value(after, "ledger_live_answers_total", "outcome=\"DROPPED_WITH_MESSAGE\""))
                    .isEqualTo(value(before, "ledger_live_answers_total", "outcome=\"DROPPED_WITH_MESSAGE\""));
            assertThat(value(after, "ledger_campaigns", "status=\"RUNNING\""))
                    .isEqualTo(value(before, "ledger_campaigns", "status=\"RUNNING\"") + 1);
            assertThat(value(after, "ledger_agents", "state=\"CALLBACK_SENT\""))
                    .isEqualTo(value(before, "ledger_agents", "state=\"CALLBACK_SENT\"") + 1);
            assertThat(value(after, "ledger_idempotent_replays_total"))
                    .isEqualTo(value(before, "ledger_idempotent_replays_total") + 1);
            assertThat(value(after, "ledger_auth_failures_total", "reason=\"bad_credentials\""))
                    .isEqualTo(value(before, "ledger_auth_failures_total", "reason=\"bad_credentials\"") + 1);
        });
        String after = Metrics.scrape(api);
        // No campaign, account, agent or number in a tag (request URIs name them only as {campaignId}).
        assertThat(after)
                .doesNotContain("campaignId=\"", "accountId=\"", "userId=\"", "2135551212", "metered@example.com");
        // Retries of BUSY and the number never dialled are still to be dialled; the live answer is final.
        assertThat(value(after, "ledger_numbers_pending", "campaignStatus=\"RUNNING\""))
                .isBetween(1.0, 3.0);
        assertThat(value(after, "ledger_auth_lockouts_total")).isZero();
        assertThat(value(after, "ledger_rate_limit_refusals_total", "holder=\"credential\""))
                .isZero();
        assertThat(value(after, "ledger_notifications_deliveries_pending")).isZero();
        assertThat(value(after, "ledger_notifications_deliveries_failed")).isZero();
        assertThat(value(after, "ledger_notifications_deliveries_dead")).isZero();
        assertThat(value(after, "ledger_notifications_deliveries_oldest_due_seconds"))
                .isZero();
        assertThat(value(after, "ledger_processor_replaying", "processorName=\"calls\""))
                .isZero();
        assertThat(value(after, "ledger_processor_dead_letters", "processorName=\"calls\""))
                .isZero();
        assertThat(after).contains("ledger_processor_replay_progress_percent{processorName=\"calls\"}");
    }

    @Test
    void theScrapeIsForAdminsOnly() {
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void everyMeterTheDashboardQueriesIsExported() throws IOException {
        // Meters that appear with their first command and event.
        assertThat(api.post("/api/campaigns", "{\"name\": \"Dashboard\"}").status())
                .isEqualTo(201);
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        assertThat(dashboard.get("title").asText()).isNotBlank();
        assertThat(dashboard.at("/__inputs/0/name").asText()).isEqualTo("DS_PROMETHEUS");
        List<String> expressions = new ArrayList<>();
        collectExpressions(dashboard.get("panels"), expressions);
        Set<String> used = expressions.stream()
                .flatMap(e -> metricNames(e).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(used)
                .as("metric names in " + DASHBOARD)
                .hasSizeGreaterThan(15)
                .contains("ledger_calls_total", "ledger_processor_lag_events", "ledger_processor_dead_letters");

        await().atMost(WAIT).untilAsserted(() -> {
            Set<String> exported = exported(Metrics.scrape(api));
            assertThat(used)
                    .as("metric names of the dashboard's panels that /actuator/prometheus does not export")
                    .allSatisfy(name ->
                            assertThat(isExported(name, exported)).as(name).isTrue());
        });
    }

    private static void collectExpressions(JsonNode panels, List<String> into) {
        if (panels == null) {
            return;
        }
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    into.add(target.get("expr").asText());
                }
            }
            // A collapsed row holds its panels.
            collectExpressions(panel.get("panels"), into);
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][\\w:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "inf",
            "nan");

    /** The metric names of a PromQL expression: identifiers that are neither functions, keywords nor label names. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // label lists
                .replaceAll("\\$\\{?\\w+}?", " "); // Grafana variables
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            boolean function = m.group(2) != null;
            if (!function && !KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The names of the scrape's samples. */
    private static Set<String> exported(String scrape) {
        return scrape.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A sample's name, or the name of a meter whose samples add a suffix (a timer's {@code _count}, a counter's {@code _total}). */
    private static boolean isExported(String name, Set<String> exported) {
        return exported.contains(name)
                || List.of("_total", "_seconds", "_bucket", "_count", "_sum", "_max").stream()
                        .anyMatch(suffix -> exported.contains(name + suffix));
    }
}
