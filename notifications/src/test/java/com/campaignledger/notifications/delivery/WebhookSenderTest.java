package com.campaignledger.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.notifications.NotificationProperties;
import com.campaignledger.notifications.endpoint.EndpointGuard;
import com.campaignledger.notifications.outbox.DueDelivery;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender connects only to addresses the SSRF guard has just passed: a host name is looked up through the
 * guard at connection time, so a name that turns private after the check (DNS rebinding) reaches nothing.
 * The receiver runs on loopback; the host name "hooks.example.test" exists only in the tests' resolvers.
 */
class WebhookSenderTest {

    private static final byte[] PUBLIC = {93, (byte) 184, (byte) 216, 34};

    private HttpServer server;
    private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aNameThatResolvesPrivateAtConnectionTimeIsRefusedThoughItPassedTheCheck() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        EndpointGuard guard = new EndpointGuard(
                false,
                host -> lookups.incrementAndGet() == 1
                        ? new InetAddress[] {InetAddress.getByAddress(host, PUBLIC)}
                        : new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});
        WebhookSender sender = sender(guard);

        AttemptResult result = sender.send(delivery("http://hooks.example.test:" + port() + "/hook"), "whsec_c2VjcmV0");

        assertThat(lookups.get()).as("checked, then looked up again to connect").isEqualTo(2);
        assertThat(result.delivered()).isFalse();
        assertThat(result.error()).startsWith("refused: the endpoint resolves to 127.0.0.1");
        assertThat(received).isEmpty();
        sender.close();
    }

    @Test
    void theConnectionGoesToTheAddressTheGuardResolved() throws Exception {
        EndpointGuard guard = new EndpointGuard(true, host ->
                new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});
        WebhookSender sender = sender(guard);

        AttemptResult result = sender.send(delivery("http://hooks.example.test:" + port() + "/hook"), "whsec_c2VjcmV0");

        assertThat(result.delivered()).as(String.valueOf(result)).isTrue();
        assertThat(result.statusCode()).isEqualTo(204);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("Webhook-id")).containsExactly("msg_1");
        assertThat(received.get(0).get("X-ledger-event")).containsExactly("CAMPAIGN_STARTED");
        assertThat(received.get(0).get("Content-type")).containsExactly("application/json; charset=UTF-8");
        sender.close();
    }

    @Test
    void aSlowReceiverIsCutOffAtTheReadTimeOut() throws Exception {
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        EndpointGuard guard = new EndpointGuard(true, InetAddress::getAllByName);
        WebhookSender sender = sender(guard, Duration.ofMillis(500));

        AttemptResult result = sender.send(delivery("http://127.0.0.1:" + port() + "/slow"), null);

        assertThat(result.delivered()).isFalse();
        assertThat(result.error()).isEqualTo("no response within 500 ms");
        sender.close();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    /** A sender whose time-outs leave room for a loaded machine. */
    private static WebhookSender sender(EndpointGuard guard) {
        return sender(guard, Duration.ofSeconds(10));
    }

    private static WebhookSender sender(EndpointGuard guard, Duration readTimeout) {
        NotificationProperties properties = new NotificationProperties(
                false,
                new NotificationProperties.Delivery(
                        true, Duration.ofSeconds(1), 2, 2, Duration.ofSeconds(5), readTimeout, Duration.ofMinutes(2)),
                new NotificationProperties.Retry(3, Duration.ofSeconds(1), Duration.ofMinutes(1), 0),
                "from@example.com");
        return new WebhookSender(properties, guard, Clock.systemUTC());
    }

    private static DueDelivery delivery(String endpoint) {
        return new DueDelivery(
                "msg_1",
                1L,
                null,
                7L,
                "CAMPAIGN_STARTED",
                endpoint,
                "key",
                "JSON",
                "application/json",
                "{\"ok\":true}",
                true,
                0,
                0);
    }
}
