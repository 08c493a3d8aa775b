package com.campaignledger.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.campaignledger.web.ETags;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The campaign contract on PostgreSQL, the production store, plus what only PostgreSQL can show. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignApiPostgresTest extends CampaignApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.Database db = PostgresTestDatabase.shared();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Test
    void theWholeHistoryIsReadableJsonInTheEventStore() throws Exception {
        long id = create(SEED_000);
        api.patch("/api/campaigns/" + id, "{\"script\": \"Hello\"}", java.util.Map.of());
        List<String> payloads = jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class,
                "campaign-" + id);
        assertThat(payloads).hasSize(2);
        JsonNode created = JSON.readTree(payloads.get(0));
        assertThat(created.get("campaignId").asLong()).isEqualTo(id);
        assertThat(created.at("/settings/name").asText()).isEqualTo("Test Broadcast Service (text to speech)");
        assertThat(created.at("/settings/fromNumber").asText()).isEqualTo("+19206596476");
        assertThat(created.at("/settings/retryConfig/retryResults").toString()).isEqualTo("[\"BUSY\",\"NO_ANS\"]");
        JsonNode updated = JSON.readTree(payloads.get(1));
        assertThat(updated.at("/changes/0/field").asText()).isEqualTo("script");
        assertThat(updated.at("/changes/0/oldValue").isNull()).isTrue();
        assertThat(updated.at("/changes/0/newValue").asText()).isEqualTo("Hello");
        assertThat(jdbc.queryForList(
                        "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "ORDER BY sequence_number",
                        String.class,
                        "campaign-" + id))
                .containsExactly(
                        "com.campaignledger.campaign.api.CampaignCreatedEvent",
                        "com.campaignledger.campaign.api.CampaignUpdatedEvent");
    }

    /** Accounts and credentials on PostgreSQL: another account's campaign is not found, and changes nothing. */
    @Test
    void anotherAccountsCredentialFindsNoCampaignAndWritesNothing() {
        String account = "pg-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/admin/accounts", "{\"id\": \"" + account + "\", \"name\": \"Other\"}")
                        .status())
                .isEqualTo(201);
        var credential =
                api.post("/api/admin/accounts/" + account + "/credentials", "{\"login\": \"" + account + "-api\"}");
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        var other = api.as(account + "-api", credential.json().get("secret").asText());

        long id = create(SEED_000);
        long events = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, "campaign-" + id);
        assertThat(other.get("/api/campaigns/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/api/campaigns/" + id, "{\"script\": \"theirs\"}", java.util.Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(other.put("/api/campaigns/" + id + "/dial-ratio", "{\"ratio\": 2.0}")
                        .status())
                .isEqualTo(404);
        assertThat(other.get("/api/campaigns").json().get("totalElements").asLong())
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        "campaign-" + id))
                .isEqualTo(events);
        assertThat(jdbc.queryForObject(
                        "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                                + "WHERE aggregate_identifier = ? AND sequence_number = 0",
                        String.class,
                        "campaign-" + id))
                .contains("\"actor\":\"" + ApiClient.ADMIN_LOGIN + "\"");
    }

    /** One of the parallel updates: what it sent, and what it was told. */
    private record ParallelUpdate(
            String requestId,
            String method,
            String path,
            String body,
            Long ifMatch,
            String field,
            Object newValue,
            ApiClient.Response response) {

        boolean acknowledged() {
            return response.status() / 100 == 2;
        }
    }

    /**
     * 50 updates of one campaign at once: script changes (PATCH) and dial ratios (PUT), a quarter with an If-Match
     * of the version first created (right for whichever lands first, stale for the rest), a quarter with the
     * version read just before sending, half without. Every acknowledged one is in the history with its change, applied
     * on the version it named, none lost or overwritten; every other was told why (409 or 412), none failed.
     */
    @Test
    void fiftyParallelUpdatesWithAndWithoutIfMatchAreAllAccountedFor() throws Exception {
        long id = create("{\"name\": \"Contended\"}");
        String path = "/api/campaigns/" + id;
        awaitVersion(id, 1);
        int updates = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(updates);
        List<Future<ParallelUpdate>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < updates; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    start.await();
                    Long ifMatch = switch (n % 4) {
                        case 0 -> 1L;
                        case 2 -> ETags.expectedVersion(api.get(path).header("ETag"));
                        default -> null;
                    };
                    String requestId = "parallel-" + id + "-" + n;
                    boolean ratio = n % 5 == 4;
                    String target = ratio ? path + "/dial-ratio" : path;
                    Object value = ratio ? 1.0 + (n / 5 + 1) * 0.25 : "script " + n;
                    String body = ratio ? "{\"ratio\": " + value + "}" : "{\"script\": \"" + value + "\"}";
                    Map<String, String> headers = new HashMap<>(Map.of("X-Request-Id", requestId));
                    if (ifMatch != null) {
                        headers.put("If-Match", "\"" + ifMatch + "\"");
                    }
                    ApiClient.Response response = api.send(ratio ? "PUT" : "PATCH", target, body, headers);
                    return new ParallelUpdate(
                            requestId,
                            ratio ? "PUT" : "PATCH",
                            target,
                            body,
                            ifMatch,
                            ratio ? "ratio" : "script",
                            value,
                            response);
                }));
            }
            start.countDown();
            List<ParallelUpdate> results = new ArrayList<>();
            for (Future<ParallelUpdate> f : sent) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            assertAllAccountedFor(id, results);
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertAllAccountedFor(long id, List<ParallelUpdate> results) {
        List<ParallelUpdate> acknowledged =
                results.stream().filter(ParallelUpdate::acknowledged).toList();
        for (ParallelUpdate u : results) {
            String shown = u.method() + " " + u.body() + " If-Match " + u.ifMatch() + " → " + u.response();
            if (u.acknowledged()) {
                assertThat(u.response().status()).as(shown).isEqualTo(200);
                long version = u.response().json().get("version").asLong();
                assertThat(u.response().header("ETag")).as(shown).isEqualTo("\"" + version + "\"");
                if (u.ifMatch() != null) {
                    assertThat(version)
                            .as("applied on the version it named: " + shown)
                            .isEqualTo(u.ifMatch() + 1);
                }
            } else {
                assertThat(u.response().status()).as(shown).isIn(409, 412);
                assertThat(u.response().header("Content-Type")).as(shown).startsWith("application/problem+json");
                assertThat(u.response().json().path("detail").asText())
                        .as(shown)
                        .isNotBlank();
                if (u.response().status() == 412) {
                    assertThat(u.ifMatch()).as(shown).isNotNull();
                    assertThat(u.response().json().get("currentVersion").asLong())
                            .as(shown)
                            .isNotEqualTo(u.ifMatch());
                }
            }
        }
        assertThat(results.stream()
                        .filter(u -> Long.valueOf(1).equals(u.ifMatch()) && u.acknowledged())
                        .count())
                .as("updates of version 1 that went through")
                .isLessThanOrEqualTo(1);
        assertThat(results.stream()
                        .filter(u -> u.ifMatch() == null && u.acknowledged())
                        .count())
                .as("updates without If-Match that went through")
                .isPositive();
        assertThat(acknowledged.stream()
                        .map(u -> u.response().json().get("version").asLong())
                        .distinct()
                        .count())
                .as("one version per acknowledged update")
                .isEqualTo(acknowledged.size());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        "campaign-" + id))
                .isEqualTo(1 + acknowledged.size());

        String history = "/api/campaigns/" + id + "/history?size=200";
        JsonNode events = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get(history).json(),
                        h -> h.path("totalElements").asInt() == 1 + acknowledged.size())
                .get("content");
        Map<String, JsonNode> byRequest = new HashMap<>();
        events.forEach(e -> byRequest.put(e.path("requestId").asText(), e));
        for (ParallelUpdate u : results) {
            JsonNode event = byRequest.get(u.requestId());
            if (!u.acknowledged()) {
                assertThat(event)
                        .as("refused, so not in the history: " + u.requestId())
                        .isNull();
                continue;
            }
            assertThat(event)
                    .as("acknowledged, so in the history: " + u.requestId())
                    .isNotNull();
            assertThat(event.get("sequenceNumber").asLong() + 1)
                    .isEqualTo(u.response().json().get("version").asLong());
            assertThat(event.at("/changes/0/field").asText()).isEqualTo(u.field());
            assertThat(event.at("/changes/0/newValue").asText()).isEqualTo(String.valueOf(u.newValue()));
        }
        // Nothing overwritten unseen: each change starts from the value the one before it left.
        Map<String, String> last = new HashMap<>();
        last.put("script", "null");
        last.put("ratio", "1.0");
        for (JsonNode event : events) {
            JsonNode change = event.at("/changes/0");
            if (change.isMissingNode()) {
                continue;
            }
            String field = change.get("field").asText();
            assertThat(change.get("oldValue").asText()).as(event.toString()).isEqualTo(last.get(field));
            last.put(field, change.get("newValue").asText());
        }
    }
}
