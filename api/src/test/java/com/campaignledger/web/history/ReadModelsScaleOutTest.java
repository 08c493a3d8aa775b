package com.campaignledger.web.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.projections.dispositions.DispositionsProjection;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.campaignledger.testsupport.ServiceInstances;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances on one PostgreSQL database share each read model's segments (claims in token_entry) and together
 * build the read models as one instance would: every event in each model once, every campaign its own fold.
 */
@RequiresPostgres
class ReadModelsScaleOutTest {

    /** The pooled read models, four segments each (campaign-view is one tracking segment: one instance builds it). */
    static final List<String> READ_MODELS =
            List.of("agent-sessions", "campaign-history", DispositionsProjection.PROCESSING_GROUP);

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void twoInstancesShareTheSegmentsAndTogetherBuildEachReadModelOnce() {
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("readmodels_scale");
        try (ConfigurableApplicationContext first = ServiceInstances.start(db, "first");
                ConfigurableApplicationContext second = ServiceInstances.start(db, "second")) {
            // The first instance claimed every segment; it lets two of each go, and the second takes them.
            for (String name : READ_MODELS) {
                StreamingEventProcessor processor = processor(first, name);
                processor.releaseSegment(1, 60, java.util.concurrent.TimeUnit.SECONDS);
                processor.releaseSegment(3, 60, java.util.concurrent.TimeUnit.SECONDS);
            }
            await().atMost(WAIT)
                    .until(() -> READ_MODELS.stream()
                            .allMatch(name -> processor(second, name)
                                    .processingStatus()
                                    .keySet()
                                    .containsAll(Set.of(1, 3))));

            List<ApiClient> apis =
                    List.of(new ApiClient(ServiceInstances.port(first)), new ApiClient(ServiceInstances.port(second)));
            List<Long> campaigns = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                // Each campaign is written through one instance (the one that holds it in its cache), but once
                // through the other: the first instance's next append collides and is retried, not refused.
                ApiClient owner = apis.get(c % 2);
                ApiClient other = apis.get((c + 1) % 2);
                Response created = owner.post(
                        "/api/campaigns",
                        "{\"name\": \"Shared " + c + "\", \"fromNumber\": \"9206596476\", "
                                + "\"numbers\": [{\"number\": \"2135550000\"}, {\"number\": \"2135550001\"}, {\"number\": \"2135550002\"}]}");
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                long id = created.json().get("id").asLong();
                campaigns.add(id);
                assertThat(other.patch("/api/campaigns/" + id, "{\"labels\": [\"l" + c + "\"]}", java.util.Map.of())
                                .status())
                        .isEqualTo(200);
                Response retried =
                        owner.patch("/api/campaigns/" + id, "{\"script\": \"script " + c + "\"}", java.util.Map.of());
                assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
                assertThat(owner.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                                .status())
                        .isEqualTo(200);
            }
            for (int c = 0; c < campaigns.size(); c++) {
                long id = campaigns.get(c);
                ApiClient owner = apis.get(c % 2);
                await().atMost(WAIT)
                        .until(() -> "RUNNING"
                                .equals(owner.get("/api/campaigns/" + id)
                                        .json()
                                        .path("status")
                                        .asText()));
                Response callback = apis.get((c + 1) % 2)
                        .post(
                                "/api/campaigns/" + id + "/agents/callback",
                                "{\"userId\": \"agent@example.com\", \"phoneNumber\": \"2125550001\"}");
                assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
                for (String[] call : new String[][] {{"2135550000", "BUSY"}, {"2135550001", "LA"}}) {
                    Response r = owner.post(
                            "/api/campaigns/" + id + "/calls",
                            "{\"number\": \"" + call[0] + "\", \"result\": \"" + call[1] + "\"}");
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                }
            }

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            await().atMost(WAIT)
                    .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM campaign_history", Long.class) == events
                            && jdbc.queryForObject("SELECT COUNT(*) FROM disposition_event", Long.class)
                                    == 2L * campaigns.size()
                            && jdbc.queryForObject("SELECT COUNT(*) FROM agent_session_view", Long.class)
                                    == campaigns.size()
                            && campaigns.stream().allMatch(id -> viewIsTheFoldOfItsEvents(apis.get(0), id)));

            // Every event of the store is in the history once, under the right campaign.
            assertThat(jdbc.queryForList("SELECT global_index FROM campaign_history ORDER BY global_index", Long.class))
                    .isEqualTo(jdbc.queryForList(
                            "SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class));
            for (long id : campaigns) {
                long own = jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry e JOIN agent_session_view s "
                                        + "ON e.aggregate_identifier = 'agent-session-' || s.session_id WHERE s.campaign_id = ?",
                                Long.class,
                                id)
                        + jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                Long.class,
                                "campaign-" + id);
                for (ApiClient api : apis) {
                    JsonNode report = api.get("/api/campaigns/" + id + "/reports/dispositions")
                            .json();
                    long busy = 0;
                    long live = 0;
                    for (JsonNode hour : report.get("hours")) {
                        busy += hour.path("callResults").path("BUSY").asLong();
                        live += hour.path("callResults").path("LA").asLong();
                    }
                    assertThat(busy).isEqualTo(1);
                    assertThat(live).isEqualTo(1);
                    assertThat(api.get("/api/campaigns/" + id + "/history")
                                    .json()
                                    .get("totalElements")
                                    .asLong())
                            .isEqualTo(own);
                }
                assertThat(jdbc.queryForObject(
                                "SELECT calls FROM agent_session_view WHERE campaign_id = ?", Integer.class, id))
                        .isZero();
            }
            // The work was shared: each instance holds segments of each read model, no segment is held twice.
            for (String name : READ_MODELS) {
                Set<Integer> one = processor(first, name).processingStatus().keySet();
                Set<Integer> two = processor(second, name).processingStatus().keySet();
                assertThat(one).as(name).isNotEmpty();
                assertThat(two).as(name).isNotEmpty();
                Set<Integer> both = new HashSet<>(one);
                both.retainAll(two);
                assertThat(both).as(name + " segments held by both").isEmpty();
                assertThat(jdbc.queryForList(
                                "SELECT DISTINCT owner FROM token_entry WHERE processor_name = ?", String.class, name))
                        .as(name)
                        .containsExactlyInAnyOrder("first", "second");
            }
        }
    }

    private static boolean viewIsTheFoldOfItsEvents(ApiClient api, long id) {
        JsonNode now = api.get("/api/campaigns/" + id).json();
        return now.equals(
                api.get("/api/campaigns/" + id + "?asOf=" + Instant.now().plusSeconds(1))
                        .json());
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext context, String name) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow();
    }
}
