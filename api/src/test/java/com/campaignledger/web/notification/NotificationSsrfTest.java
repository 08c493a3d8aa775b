package com.campaignledger.web.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.WebhookReceiver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SSRF guard with the production setting (private endpoints refused): at subscription time with a
 * 400 problem naming the field, and again at send time, before any connection is opened.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:ssrf;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "ledger.notifications.allow-private-endpoints=false",
            "ledger.notifications.delivery.poll-interval=100ms",
            "ledger.notifications.retry.max-attempts=1"
        })
class NotificationSsrfTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:9/hook",
                "http://localhost/hook",
                "http://10.0.0.1/",
                "http://172.20.1.1/",
                "http://192.168.0.10/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/",
                "http://[fd00::1]/",
                "http://0.0.0.0/"
            })
    void privateEndpointsAreRefusedWhenSubscribing(String endpoint) {
        ApiClient api = new ApiClient(port);
        Response subscription = api.post(
                "/api/subscriptions",
                "{\"endpoint\": \"" + endpoint
                        + "\", \"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"JSON\"}");
        NotificationContract.assertProblem(subscription, 400, "endpoint");
        assertThat(subscription.json().get("detail").asText()).contains("resolves to");
        Response postback = api.send(
                "POST",
                "/api/callbacks/campaignfinish",
                "postUrl=" + URLEncoder.encode(endpoint, StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        NotificationContract.assertProblem(postback, 400, "postUrl");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_subscription", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM legacy_postback", Long.class))
                .isZero();
    }

    @Test
    void aDeliveryWhoseEndpointTurnedPrivateIsRefusedAtSendTime() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // As if the endpoint's name had resolved to a public address when it was saved and to loopback now.
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update(
                    "INSERT INTO notification_delivery (id, target, postback_id, account_id, campaign_id, event_type, "
                            + "source_event_id, endpoint, endpoint_key, format, content_type, payload, signed, status, attempts, "
                            + "round_attempts, next_attempt_at, created) VALUES ('msg_ssrf', 'postback:999', 999, 'default', 1, "
                            + "'CAMPAIGN_FINISH', 'evt-ssrf', ?, 'http://127.0.0.1:1', 'XML', 'application/xml', '<x/>', FALSE, "
                            + "'PENDING', 0, 0, ?, ?)",
                    receiver.url("/internal"),
                    now,
                    now);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT status FROM notification_delivery WHERE id = 'msg_ssrf'", String.class)
                            .equals("DEAD"));
            assertThat(jdbc.queryForObject(
                            "SELECT error FROM notification_attempt WHERE delivery_id = 'msg_ssrf'", String.class))
                    .startsWith("refused")
                    .contains("127.0.0.1");
            assertThat(receiver.received("/internal")).isEmpty();
        }
    }
}
