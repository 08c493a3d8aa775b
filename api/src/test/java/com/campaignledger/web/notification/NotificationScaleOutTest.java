package com.campaignledger.web.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.campaignledger.testsupport.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances on one PostgreSQL database: both run delivery workers over the same outbox, and every
 * delivery is still sent exactly once when nothing fails (claims with SKIP LOCKED and leases).
 */
@RequiresPostgres
class NotificationScaleOutTest {

    static final int SUBSCRIPTIONS = 24;

    @Test
    void twoInstancesShareTheOutboxWithoutSendingAnythingTwice() {
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("notify_scale");
        Map<String, Object> settings = Map.of(
                "spring.profiles.active",
                "postgres",
                "spring.datasource.url",
                db.url(),
                "spring.datasource.username",
                db.user(),
                "spring.datasource.password",
                db.password(),
                // Many paths of one receiver are one endpoint: let each instance send several at once.
                "ledger.notifications.delivery.max-per-endpoint",
                "4");
        CountDownLatch go = new CountDownLatch(1);
        try (WebhookReceiver receiver = WebhookReceiver.start();
                ConfigurableApplicationContext first = TestInstances.start(settings);
                ConfigurableApplicationContext second = TestInstances.start(settings)) {
            ApiClient api = new ApiClient(TestInstances.port(first));
            long campaign = api.post(
                            "/api/campaigns",
                            "{\"name\": \"Shared\", \"fromNumber\": \"9206596476\", "
                                    + "\"numbers\": [{\"number\": \"2135551212\"}]}")
                    .json()
                    .get("id")
                    .asLong();
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                // Answers are held back a moment, so both instances' workers are busy at the same time.
                receiver.always("/hook" + i, WebhookReceiver.Reply.heldUntil(go, 200));
                ApiClient.Response created = new ApiClient(TestInstances.port(i % 2 == 0 ? first : second))
                        .post(
                                "/api/subscriptions",
                                "{\"endpoint\": \"" + receiver.url("/hook" + i)
                                        + "\", \"triggerEvent\": \"CAMPAIGN_STARTED\", "
                                        + "\"notificationFormat\": \"JSON\", \"campaignId\": " + campaign + "}");
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
            }
            assertThat(api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}")
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.maxInFlight() >= 4);
            go.countDown();

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM notification_delivery WHERE campaign_id = ? AND status = 'DELIVERED'",
                                    Long.class,
                                    campaign)
                            == SUBSCRIPTIONS);
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                assertThat(receiver.received("/hook" + i)).as("/hook" + i).hasSize(1);
            }
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM notification_attempt a JOIN notification_delivery d "
                                    + "ON d.id = a.delivery_id WHERE d.campaign_id = ?",
                            Long.class,
                            campaign))
                    .isEqualTo(SUBSCRIPTIONS);
            List<String> workers = jdbc.queryForList(
                    "SELECT DISTINCT a.worker FROM notification_attempt a "
                            + "JOIN notification_delivery d ON d.id = a.delivery_id WHERE d.campaign_id = ?",
                    String.class,
                    campaign);
            assertThat(workers).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        } finally {
            go.countDown();
        }
    }
}
