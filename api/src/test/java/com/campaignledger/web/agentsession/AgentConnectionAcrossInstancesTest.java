package com.campaignledger.web.agentsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.ConnectCallCommand;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.campaignledger.testsupport.ServiceInstances;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An agent's long-poll waits on one instance while the dialer connects the call on another: every instance follows
 * the event stream, so the waiting request answers as soon as the connection is stored, not when it times out.
 */
@RequiresPostgres
class AgentConnectionAcrossInstancesTest {

    @Test
    void aCallConnectedOnOneInstanceReachesTheLongPollWaitingOnAnother() throws Exception {
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("connection_scale");
        try (ConfigurableApplicationContext dialing = ServiceInstances.start(db, "dialing");
                ConfigurableApplicationContext polled = ServiceInstances.start(db, "polled")) {
            ApiClient api = new ApiClient(ServiceInstances.port(dialing));
            ApiClient agentApp = new ApiClient(ServiceInstances.port(polled));
            long campaign = api.post(
                            "/api/campaigns",
                            "{\"name\": \"Two instances\", \"fromNumber\": \"9206596476\", "
                                    + "\"numbers\": [{\"number\": \"2125551000\"}]}")
                    .json()
                    .get("id")
                    .asLong();
            assertThat(api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}")
                            .status())
                    .isEqualTo(200);
            String agents = "/api/campaigns/" + campaign + "/agents";
            // The campaign's START reaches the other instance's campaign view within moments.
            Response callback = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> agentApp.post(
                                    agents + "/callback",
                                    "{\"userId\": \"far@example.com\", \"phoneNumber\": \"2125550001\"}"),
                            r -> r.status() == 201);
            long agent = callback.json().get("agentId").asLong();
            assertThat(agentApp.post(agents + "/" + agent + "/login", "{\"userId\": \"far@example.com\"}")
                            .status())
                    .isEqualTo(200);

            CompletableFuture<Response> poll = CompletableFuture.supplyAsync(
                    () -> agentApp.get(agents + "/" + agent + "/connection?waitSeconds=30"));
            MeterRegistry polledMeters = polled.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> polledMeters
                                    .get("ledger.agents.connection.waiters")
                                    .gauge()
                                    .value()
                            == 1);
            Instant connectedAt = Instant.now();
            dialing.getBean(CommandGateway.class)
                    .sendAndWait(new ConnectCallCommand(
                            AgentSessionId.of(agent), "far-call", "+12125551000", Map.of(), connectedAt));

            Response connection = poll.get(20, TimeUnit.SECONDS);
            assertThat(connection.status()).as(connection.toString()).isEqualTo(200);
            assertThat(connection.json().get("callId").asText()).isEqualTo("far-call");
            assertThat(Duration.between(connectedAt, Instant.now())).isLessThan(Duration.ofSeconds(10));
        }
    }

    /**
     * Each instance keeps the aggregates it used in memory. A copy another instance has written past must not decide:
     * the agent logs in and answers through one instance, the dialer connects the call and the campaign is stopped
     * and started again through the other, and every command is judged on what is stored.
     */
    @Test
    void anInstanceJudgesCommandsOnWhatIsStoredNotOnTheCopyItKeptInMemory() {
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("stale_copies");
        try (ConfigurableApplicationContext dialing = ServiceInstances.start(db, "dialing");
                ConfigurableApplicationContext desk = ServiceInstances.start(db, "desk")) {
            ApiClient dialer = new ApiClient(ServiceInstances.port(dialing));
            ApiClient agentDesk = new ApiClient(ServiceInstances.port(desk));
            long campaign = dialer.post(
                            "/api/campaigns",
                            "{\"name\": \"Copies\", \"fromNumber\": \"9206596476\", "
                                    + "\"retryConfig\": {\"maxAttempts\": 3, \"retryResults\": [\"BUSY\", \"NO_ANS\"]}, \"numbers\": [{\"number\": \"2125551000\"}, {\"number\": \"2125551001\"}]}")
                    .json()
                    .get("id")
                    .asLong();
            assertThat(dialer.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}")
                            .status())
                    .isEqualTo(200);
            String agents = "/api/campaigns/" + campaign + "/agents";
            Response callback = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> agentDesk.post(
                                    agents + "/callback",
                                    "{\"userId\": \"desk@example.com\", \"phoneNumber\": \"2125550001\"}"),
                            r -> r.status() == 201);
            long agent = callback.json().get("agentId").asLong();
            assertThat(agentDesk
                            .post(agents + "/" + agent + "/login", "{\"userId\": \"desk@example.com\"}")
                            .status())
                    .isEqualTo(200);

            // The desk instance keeps the session as READY; the dialing instance connects a call to it.
            Response connected = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> dialer.post(
                                    agents + "/" + agent + "/connection",
                                    "{\"number\": \"2125551000\", \"callId\": \"copy-1\"}"),
                            r -> r.status() == 200);
            assertThat(connected.json().get("state").asText()).isEqualTo("ON_CALL");
            Response stored = agentDesk.post(
                    agents + "/" + agent + "/responses", "{\"callId\": \"copy-1\", \"agentResponse\": \"sale\"}");
            assertThat(stored.status()).as(stored.toString()).isEqualTo(200);

            // The desk instance's campaign copy (RUNNING, from its report below) goes stale: stopped and started
            // elsewhere.
            assertThat(agentDesk
                            .post(
                                    "/api/campaigns/" + campaign + "/calls",
                                    "{\"number\": \"2125551001\", \"result\": \"BUSY\", " + "\"callId\": \"copy-2\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(dialer.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"STOP\"}")
                            .status())
                    .isEqualTo(200);
            Response refused = agentDesk.post(
                    "/api/campaigns/" + campaign + "/calls", "{\"number\": \"2125551001\", \"result\": \"BUSY\"}");
            assertThat(refused.status())
                    .as("a STOPPED campaign takes no calls: " + refused)
                    .isEqualTo(409);
            assertThat(dialer.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}")
                            .status())
                    .isEqualTo(200);
            Response taken = agentDesk.post(
                    "/api/campaigns/" + campaign + "/calls", "{\"number\": \"2125551001\", \"result\": \"NO_ANS\"}");
            assertThat(taken.status()).as("RUNNING again: " + taken).isEqualTo(200);
        }
    }
}
