package com.campaignledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stops the whole service and starts a new one on the same database: campaigns, their state and their
 * history must all still be there, and the read model must not apply any event twice.
 */
class RestartTest {

    @Test
    void stateAndHistorySurviveARestartOnPostgres() {
        RequiresPostgres.Condition.check();
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("restart");
        restartKeepsEverything(Map.of(
                "spring.profiles.active",
                "postgres",
                "spring.datasource.url",
                db.url(),
                "spring.datasource.username",
                db.user(),
                "spring.datasource.password",
                db.password()));
    }

    @Test
    void stateAndHistorySurviveARestartOnTheEmbeddedDefault(@TempDir Path dir) {
        restartKeepsEverything(Map.of(
                "spring.datasource.url",
                "jdbc:h2:file:" + dir.resolve("ledger")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE"));
    }

    private void restartKeepsEverything(Map<String, Object> settings) {
        long id;
        JsonNode before;
        List<Map<String, Object>> historyBefore;
        try (ConfigurableApplicationContext first = start(settings)) {
            ApiClient api = client(first);
            id = api.post("/api/campaigns", "{\"name\": \"Survivor\", \"fromNumber\": \"9206596476\"}")
                    .json()
                    .get("id")
                    .asLong();
            api.post(
                    "/api/campaigns/" + id + "/numbers",
                    "[{\"number\": \"2135551212\"}, {\"number\": \"3105550100\"}]");
            api.patch("/api/campaigns/" + id, "{\"script\": \"Hello\", \"labels\": [\"kept\"]}", Map.of());
            api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}");
            before = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> api.get("/api/campaigns/" + id),
                            r -> r.status() == 200 && r.json().get("version").asLong() == 4)
                    .json();
            historyBefore = history(first, id);
        }
        try (ConfigurableApplicationContext second = start(settings)) {
            ApiClient api = client(second);
            JsonNode after = api.get("/api/campaigns/" + id).json();
            assertThat(after).isEqualTo(before);
            assertThat(history(second, id)).isEqualTo(historyBefore).hasSize(4);
            // The restarted aggregate carries on from where it was.
            assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"STOP\"}")
                            .status())
                    .isEqualTo(200);
            JsonNode stopped = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> api.get("/api/campaigns/" + id),
                            r -> r.json().get("version").asLong() == 5)
                    .json();
            assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
            assertThat(stopped.get("numberCount").asInt()).isEqualTo(2);
            long newId = api.post("/api/campaigns", "{\"name\": \"Next\"}")
                    .json()
                    .get("id")
                    .asLong();
            assertThat(newId).isGreaterThan(id);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> settings) {
        // As command-line arguments: they outrank the profile's own application-postgres.yml.
        String[] args = settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        // PORT, not server.port: a default server.port loses to application.yml's server.port: ${PORT:8080}.
        return new SpringApplicationBuilder(CampaignLedgerApplication.class)
                .properties("PORT=0")
                .run(args);
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static List<Map<String, Object>> history(ConfigurableApplicationContext context, long id) {
        return context.getBean(JdbcTemplate.class)
                .queryForList(
                        "SELECT global_index, sequence_number, payload_type, "
                                + "time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                        "campaign-" + id);
    }
}
