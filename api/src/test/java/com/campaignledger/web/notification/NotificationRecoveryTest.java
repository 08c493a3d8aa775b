package com.campaignledger.web.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.notifications.saga.CampaignNotificationSaga;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.campaignledger.testsupport.StandardWebhooks;
import com.campaignledger.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing decided is lost when the service stops before sending: the first instance stores the campaign
 * events and (for one of them) the outbox row, but never sends (its worker is off, and its saga is stopped
 * before the second event); a new instance on the same database decides what was left and sends both.
 */
class NotificationRecoveryTest {

    @Test
    void notificationsLeftUnsentAreDeliveredByTheNextInstanceOnPostgres() {
        RequiresPostgres.Condition.check();
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("notify_restart");
        deliveredAfterRestart(Map.of(
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
    void notificationsLeftUnsentAreDeliveredByTheNextInstanceOnTheEmbeddedDefault(@TempDir Path dir) {
        deliveredAfterRestart(Map.of(
                "spring.datasource.url",
                "jdbc:h2:file:" + dir.resolve("ledger")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE"));
    }

    private void deliveredAfterRestart(Map<String, Object> database) {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            long campaign;
            JsonNode started;
            JsonNode stopped;
            Map<String, Object> first = new LinkedHashMap<>(database);
            first.put("ledger.notifications.delivery.enabled", "false");
            try (ConfigurableApplicationContext context = TestInstances.start(first)) {
                ApiClient api = client(context);
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                campaign = api.post(
                                "/api/campaigns",
                                "{\"name\": \"Interrupted\", \"fromNumber\": \"9206596476\", "
                                        + "\"numbers\": [{\"number\": \"2135551212\"}]}")
                        .json()
                        .get("id")
                        .asLong();
                started = subscribe(api, receiver.url("/started"), "CAMPAIGN_STARTED", campaign);
                stopped = subscribe(api, receiver.url("/stopped"), "CAMPAIGN_STOPPED", campaign);
                assertThat(api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}")
                                .status())
                        .isEqualTo(200);
                // Decided and in the outbox, not sent.
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM "
                                                + "notification_delivery WHERE subscription_id = ? AND status = 'PENDING' AND attempts = 0",
                                        Long.class,
                                        started.get("id").asLong())
                                == 1);
                // The next event is stored, and the instance stops before anything decides on it.
                EventProcessor saga = context.getBean(EventProcessingConfiguration.class)
                        .eventProcessor(CampaignNotificationSaga.PROCESSING_GROUP)
                        .orElseThrow();
                saga.shutDown();
                assertThat(api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"STOP\"}")
                                .status())
                        .isEqualTo(200);
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM notification_delivery WHERE subscription_id = ?",
                                Long.class,
                                stopped.get("id").asLong()))
                        .isZero();
            }
            assertThat(receiver.received("/started")).isEmpty();
            assertThat(receiver.received("/stopped")).isEmpty();

            try (ConfigurableApplicationContext context = TestInstances.start(database)) {
                ApiClient api = client(context);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.received("/started").size() == 1
                                && receiver.received("/stopped").size() == 1);
                WebhookReceiver.Received request = receiver.received("/stopped").get(0);
                assertThat(StandardWebhooks.verify(
                                stopped.get("secret").asText(),
                                request.header("webhook-id"),
                                request.header("webhook-timestamp"),
                                request.body(),
                                request.header("webhook-signature")))
                        .isTrue();
                assertThat(request.body()).contains("\"Status\":\"STOPPED\"").contains("\"@id\":\"" + campaign + "\"");
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> api.get("/api/subscriptions/"
                                        + started.get("id").asLong() + "/deliveries")
                                .json()
                                .at("/content/0/status")
                                .asText()
                                .equals("DELIVERED"));
                assertThat(api.get("/api/subscriptions/" + started.get("id").asLong() + "/deliveries")
                                .json()
                                .get("totalElements")
                                .asLong())
                        .isOne();
            }
        }
    }

    private static JsonNode subscribe(ApiClient api, String endpoint, String trigger, long campaign) {
        ApiClient.Response created = api.post(
                "/api/subscriptions",
                "{\"endpoint\": \"" + endpoint + "\", \"triggerEvent\": \"" + trigger
                        + "\", \"notificationFormat\": \"JSON\", \"campaignId\": " + campaign + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(TestInstances.port(context));
    }
}
