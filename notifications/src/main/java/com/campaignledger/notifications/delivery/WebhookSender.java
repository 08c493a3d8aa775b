package com.campaignledger.notifications.delivery;

import com.campaignledger.notifications.NotificationProperties;
import com.campaignledger.notifications.outbox.DueDelivery;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts one delivery with the JDK's HTTP client: a short connect time-out and a time-out for the response,
 * no redirects (a redirect could lead past the SSRF guard), the response body discarded. Signed deliveries
 * carry the Standard Webhooks headers, computed afresh for each attempt.
 */
@Component
class WebhookSender {

    static final String EVENT_HEADER = "X-Ledger-Event";
    static final String USER_AGENT = "CampaignLedger-Notifications/1.0";

    private final HttpClient client;
    private final EndpointGuard guard;
    private final Duration readTimeout;
    private final Clock clock;

    WebhookSender(NotificationProperties properties, EndpointGuard guard, Clock clock) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.delivery().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.guard = guard;
        this.readTimeout = properties.delivery().readTimeout();
        this.clock = clock;
    }

    /** One attempt; {@code secret} is null for an unsigned (legacy) delivery. */
    AttemptResult send(DueDelivery delivery, String secret) {
        URI uri;
        try {
            uri = guard.check(delivery.endpoint());
        } catch (EndpointGuard.RefusedEndpointException e) {
            return AttemptResult.failed(null, "refused: the endpoint " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", delivery.contentType() + "; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header(EVENT_HEADER, delivery.eventType())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8));
        if (secret != null) {
            long timestamp = clock.instant().getEpochSecond();
            request.header("webhook-id", delivery.id())
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", WebhookSigner.sign(secret, delivery.id(), timestamp, delivery.payload()));
        } else {
            // Unsigned postbacks still name the delivery, so a receiver can drop a repeat.
            request.header("X-Ledger-Delivery", delivery.id());
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? AttemptResult.delivered(status)
                    : AttemptResult.failed(status, "HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            return AttemptResult.failed(null, "no connection within the connect time-out: " + describe(e));
        } catch (HttpTimeoutException e) {
            return AttemptResult.failed(null, "no response within " + readTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return AttemptResult.failed(null, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AttemptResult.failed(null, "interrupted (the instance is stopping)");
        }
    }

    /** The exception and its innermost cause, e.g. "ConnectException (Connection refused)". */
    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return e.getClass().getSimpleName() + (detail == null ? "" : " (" + detail + ")");
    }
}
