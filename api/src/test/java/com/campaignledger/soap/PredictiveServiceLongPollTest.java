package com.campaignledger.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.dialer.agents.ConnectionWaits;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * PredictiveService's getConnectionForAgent blocks its client until a call connects, but holds no request thread
 * while it waits: Tomcat has 8 threads here, and 12 SOAP waits leave the service answering.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "server.tomcat.threads.max=8",
            "ledger.soap.connection-wait=4s",
            "spring.datasource.url=jdbc:h2:mem:soap-long-polls;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class PredictiveServiceLongPollTest {

    private static final int WAITS = 12;

    @LocalServerPort
    int port;

    @Autowired
    ConnectionWaits longPolls;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService clients = Executors.newFixedThreadPool(WAITS);

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
    }

    @Test
    void waitingSoapCallsHoldNoRequestThread() {
        SoapTenants.Tenant tenant = SoapTenants.newAccount(port, "soap-polls");
        String key = tenant.newKey("Front end").secret();
        ApiClient api = tenant.api();
        long campaign = runningCampaign(api);

        List<CompletableFuture<SoapTenants.SoapAnswer>> waits = new ArrayList<>();
        for (int i = 0; i < WAITS; i++) {
            Response callback = api.post(
                    "/api/campaigns/" + campaign + "/agents/callback",
                    "{\"userId\": \"agent" + i + "@example.com\", \"phoneNumber\": \"6465550101\"}");
            assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
            long agent = callback.json().get("agentId").asLong();
            String envelope = envelope(key, campaign, agent);
            waits.add(CompletableFuture.supplyAsync(() -> post(envelope), clients));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> longPolls.waiting() == WAITS);

        // More SOAP calls wait than Tomcat has threads, and the service still answers.
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/api/campaigns/" + campaign).status()).isEqualTo(200);
        assertThat(waits).as("still waiting").noneMatch(CompletableFuture::isDone);

        for (CompletableFuture<SoapTenants.SoapAnswer> wait : waits) {
            SoapTenants.SoapAnswer answer = wait.join();
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).as("no call came: an empty out").contains("nil=\"true\"");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> longPolls.waiting() == 0);
    }

    private SoapTenants.SoapAnswer post(String envelope) {
        return SoapTenants.post(
                http,
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/service/PredictiveService"))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"\"")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(envelope))
                        .build());
    }

    /** Seed 003's getConnectionForAgent envelope. */
    private static String envelope(String key, long campaign, long agent) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
                <SOAP-ENV:Body>
                <tnsa:getConnectionForAgent xmlns:tnsa="http://api.campaign.dialer.skyyconsulting.com">
                <tnsa:key>%s</tnsa:key>
                <tnsa:campaignId>%d</tnsa:campaignId>
                <tnsa:agentId>%d</tnsa:agentId>
                </tnsa:getConnectionForAgent>
                </SOAP-ENV:Body>
                </SOAP-ENV:Envelope>""".formatted(key, campaign, agent);
    }

    private static long runningCampaign(ApiClient api) {
        Response created = api.post(
                "/api/campaigns",
                "{\"name\": \"Soap polls " + UUID.randomUUID() + "\", \"fromNumber\": \"2135550100\", "
                        + "\"numbers\": [{\"number\": \"2125551000\"}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        return id;
    }
}
