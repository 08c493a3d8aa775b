package com.campaignledger.notifications.delivery;

import com.campaignledger.notifications.NotificationProperties;
import com.campaignledger.notifications.endpoint.EndpointGuard;
import com.campaignledger.notifications.outbox.DueDelivery;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Posts one delivery with Apache HttpClient: a short connect time-out and a time-out for the response,
 * no redirects (a redirect could lead past the SSRF guard), no automatic retries (the outbox retries), the
 * response body discarded. Host names are resolved through the guard, so the connection goes only to
 * addresses it has just checked: a name re-pointed at a private address after the check (DNS rebinding)
 * is refused. Signed deliveries carry the Standard Webhooks headers, computed afresh for each attempt.
 */
@Component
class WebhookSender {

    static final String EVENT_HEADER = "X-Ledger-Event";
    static final String USER_AGENT = "CampaignLedger-Notifications/1.0";

    private final CloseableHttpClient client;
    private final EndpointGuard guard;
    private final Duration readTimeout;
    private final Clock clock;

    WebhookSender(NotificationProperties properties, EndpointGuard guard, Clock clock) {
        NotificationProperties.Delivery delivery = properties.delivery();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(delivery.connectTimeout()))
                                .setSocketTimeout(Timeout.of(delivery.readTimeout()))
                                .build())
                        // One connection per worker thread is all a delivery run can use at once.
                        .setMaxConnTotal(Math.max(2, delivery.threads()))
                        .setMaxConnPerRoute(Math.max(2, delivery.threads()))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(delivery.readTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT)
                .build();
        this.guard = guard;
        this.readTimeout = delivery.readTimeout();
        this.clock = clock;
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }

    /** One attempt; {@code secret} is null for an unsigned (legacy) delivery. */
    AttemptResult send(DueDelivery delivery, String secret) {
        URI uri;
        try {
            uri = guard.check(delivery.endpoint());
        } catch (EndpointGuard.RefusedEndpointException e) {
            return AttemptResult.failed(null, "refused: the endpoint " + e.getMessage());
        }
        HttpPost request = new HttpPost(uri);
        request.setEntity(new StringEntity(
                delivery.payload(), ContentType.create(delivery.contentType(), StandardCharsets.UTF_8)));
        request.setHeader(EVENT_HEADER, delivery.eventType());
        if (secret != null) {
            long timestamp = clock.instant().getEpochSecond();
            request.setHeader("webhook-id", delivery.id());
            request.setHeader("webhook-timestamp", String.valueOf(timestamp));
            request.setHeader(
                    "webhook-signature", WebhookSigner.sign(secret, delivery.id(), timestamp, delivery.payload()));
        } else {
            // Unsigned postbacks still name the delivery, so a receiver can drop a repeat.
            request.setHeader("X-Ledger-Delivery", delivery.id());
        }
        try {
            int status = client.execute(request, response -> response.getCode());
            return status >= 200 && status < 300
                    ? AttemptResult.delivered(status)
                    : AttemptResult.failed(status, "HTTP " + status);
        } catch (RefusedAddressException e) {
            return AttemptResult.failed(null, "refused: the endpoint " + e.getMessage());
        } catch (ConnectTimeoutException e) {
            return AttemptResult.failed(null, "no connection within the connect time-out: " + describe(e));
        } catch (SocketTimeoutException e) {
            return AttemptResult.failed(null, "no response within " + readTimeout.toMillis() + " ms");
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return AttemptResult.failed(null, "interrupted (the instance is stopping)");
            }
            return AttemptResult.failed(null, describe(e));
        } catch (IOException e) {
            return AttemptResult.failed(null, describe(e));
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

    /** A host resolved to addresses the guard refuses, at the moment of connecting. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    /** The client's DNS: every address it connects to has passed the guard in this very lookup. */
    private record GuardedResolver(EndpointGuard guard) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return guard.addresses(host);
            } catch (EndpointGuard.RefusedEndpointException e) {
                throw new RefusedAddressException(e.getMessage());
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
