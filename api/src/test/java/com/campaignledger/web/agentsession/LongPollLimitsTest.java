package com.campaignledger.web.agentsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.dialer.agents.ConnectionWaits;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Connection long-polls hold no request thread while they wait, and are capped per credential and per invite token;
 * invite tokens are rate-limited like credentials. Tomcat has 8 threads here, fewer than the polls that wait.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "server.tomcat.threads.max=8",
            "ledger.agents.max-waiting-polls-per-credential=20",
            "ledger.agents.max-waiting-polls-per-invite=3",
            "ledger.security.rate-limit.capacity=150",
            "ledger.security.rate-limit.period=1h",
            "spring.datasource.url=jdbc:h2:mem:longpolls;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class LongPollLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    ConnectionWaits longPolls;

    ApiClient api;
    ExecutorService clients;
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        clients = Executors.newFixedThreadPool(25);
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
    }

    @Test
    void waitingPollsHoldNoThreadAndACredentialMayHaveTwentyWaiting() {
        long campaign = runningCampaign();
        List<CompletableFuture<Response>> polls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long session = callback(campaign, "agent" + i + "-" + tag + "@example.com", Map.of());
            polls.add(CompletableFuture.supplyAsync(
                    () -> api.get("/api/campaigns/" + campaign + "/agents/" + session + "/connection?waitSeconds=5"),
                    clients));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> longPolls.waiting() == 20);

        // More polls wait than Tomcat has threads, and the service still answers.
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/api/campaigns/" + campaign).status()).isEqualTo(200);
        assertThat(polls).as("still waiting").noneMatch(CompletableFuture::isDone);

        long one = callback(campaign, "one-more-" + tag + "@example.com", Map.of());
        Response refused = api.get("/api/campaigns/" + campaign + "/agents/" + one + "/connection?waitSeconds=5");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        for (CompletableFuture<Response> poll : polls) {
            assertThat(poll.join().status()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> longPolls.waiting() == 0);
        assertThat(api.get("/api/campaigns/" + campaign + "/agents/" + one + "/connection?waitSeconds=0")
                        .status())
                .as("room again")
                .isEqualTo(204);
    }

    @Test
    void anInviteTokenMayHaveThreePollsWaitingAndIsRateLimitedLikeACredential() {
        long campaign = runningCampaign();
        String userId = "invited-" + tag + "@example.com";
        Response agent = api.post("/api/agents", "{\"name\": \"Invited\", \"userId\": \"" + userId + "\"}");
        long agentId = agent.json().get("id").asLong();
        assertThat(api.post("/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + agentId + "]}")
                        .status())
                .isLessThan(300);
        String uri = api.get("/api/campaigns/" + campaign + "/invites/" + agentId)
                .json()
                .get("uri")
                .asText();
        String token =
                URI.create(uri).getRawQuery().replaceFirst("^.*token=", "").replaceFirst("&.*$", "");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        long session = callback(campaign, userId, bearer);
        String connection = "/api/campaigns/" + campaign + "/agents/" + session + "/connection";

        List<CompletableFuture<Response>> polls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            polls.add(CompletableFuture.supplyAsync(
                    () -> api.send("GET", connection + "?waitSeconds=3", null, bearer), clients));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> longPolls.waiting() == 3);
        assertThat(api.send("GET", connection + "?waitSeconds=3", null, bearer).status())
                .isEqualTo(429);
        polls.forEach(p -> assertThat(p.join().status()).isEqualTo(204));

        // An id beyond a long in a token's path is a 400 naming it, not a 500.
        Response huge = api.send(
                "GET",
                "/api/campaigns/" + campaign + "/agents/99999999999999999999/connection?waitSeconds=0",
                null,
                bearer);
        assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
        assertThat(huge.json().path("errors").findValuesAsText("field")).contains("agentId");

        Response limited = null;
        for (int i = 0; i < 150 && limited == null; i++) {
            Response r = api.send("GET", connection + "?waitSeconds=0", null, bearer);
            if (r.status() == 429) {
                limited = r;
            } else {
                assertThat(r.status()).as(r.toString()).isEqualTo(204);
            }
        }
        assertThat(limited).as("the token's bucket of 150 runs out").isNotNull();
        assertThat(limited.json().get("detail").asText()).contains("invite token's request rate limit");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(api.get("/api/campaigns/" + campaign).status())
                .as("the credential has a bucket of its own")
                .isEqualTo(200);
    }

    private long runningCampaign() {
        Response created = api.post(
                "/api/campaigns",
                "{\"name\": \"Polls " + tag + "\", \"fromNumber\": \"2135550100\", "
                        + "\"numbers\": [{\"number\": \"2125551000\"}]}");
        long id = created.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + id).status() == 200);
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        return id;
    }

    private long callback(long campaign, String userId, Map<String, String> headers) {
        Response r = api.post(
                "/api/campaigns/" + campaign + "/agents/callback",
                "{\"userId\": \"" + userId + "\", \"phoneNumber\": \"6465550101\"}",
                headers);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("agentId").asLong();
    }
}
