package com.campaignledger.web.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registry's HTTP steps the registry tests share, over a real HTTP client. */
final class RegistryClient {

    final ApiClient api;
    private final JdbcTemplate jdbc;
    /** Makes names and userIds of one test unique in a database other tests share. */
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    RegistryClient(int port, JdbcTemplate jdbc) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
    }

    String user(String name) {
        return name + "-" + tag + "@example.com";
    }

    long agent(String name) {
        Response r = api.post(
                "/api/agents",
                "{\"name\": \"" + name + " " + tag + "\", \"userId\": \"" + user(name) + "\", \"email\": \""
                        + user(name) + "\", \"phoneNumber\": \"6465550101\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long group(String name, long... members) {
        StringBuilder ids = new StringBuilder();
        for (long m : members) {
            ids.append(ids.isEmpty() ? "" : ",").append(m);
        }
        Response r =
                api.post("/api/agent-groups", "{\"name\": \"" + name + " " + tag + "\", \"agentIds\": [" + ids + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long runningCampaign(String body) {
        long campaign = api.post("/api/campaigns", body).json().get("id").asLong();
        Response started = api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "RUNNING"
                        .equals(api.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));
        return campaign;
    }

    Response callback(long campaign, String userId) {
        return api.post(
                "/api/campaigns/" + campaign + "/agents/callback",
                "{\"userId\": \"" + userId + "\", \"phoneNumber\": \"6465550101\"}");
    }

    Response login(long campaign, long session, String userId) {
        return api.post(
                "/api/campaigns/" + campaign + "/agents/" + session + "/login", "{\"userId\": \"" + userId + "\"}");
    }

    /** Events of these aggregates (SQL LIKE patterns such as {@code agent-%} or {@code campaign-12}). */
    long events(String... aggregates) {
        long total = 0;
        for (String aggregate : aggregates) {
            total += jdbc.queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?", Long.class, aggregate);
        }
        return total;
    }

    static void assertRejected(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field"))
                    .as(response.toString())
                    .contains(field);
        }
    }
}
