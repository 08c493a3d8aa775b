package com.campaignledger.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.campaignledger.soap.generated.predictive.AgentType;
import com.campaignledger.soap.generated.predictive.ArrayOfDisposition;
import com.campaignledger.soap.generated.predictive.ArrayOfString;
import com.campaignledger.soap.generated.predictive.CallType;
import com.campaignledger.soap.generated.predictive.Disposition;
import com.campaignledger.soap.generated.predictive.ObjectFactory;
import com.campaignledger.soap.generated.predictive.PredictiveService;
import com.campaignledger.soap.generated.predictive.PredictiveServiceException_Exception;
import com.campaignledger.soap.generated.predictive.PredictiveServicePortType;
import com.campaignledger.testsupport.ApiClient;
import jakarta.xml.ws.BindingProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Seed 003's agent loop driven by a Java client generated with CXF's wsdl2java (the build's
 * {@code predictive-service-client} execution) from the WSDL the service serves: an integrator's client, typed by the
 * contract alone. The copy it is generated from is held to the served WSDL here, so the client is the service's.
 */
@SoapServiceTest
class PredictiveServiceGeneratedClientTest {

    private static final String CHECKED_IN_ADDRESS = "http://localhost:8080/service/PredictiveService";

    @LocalServerPort
    int port;

    ApiClient tenant;
    String key;
    PredictiveServicePortType client;

    @BeforeEach
    void accountKeyAndClient() {
        SoapTenants.Tenant account = SoapTenants.newAccount(port, "wsdl");
        tenant = account.api();
        key = account.newKey("Java front end").secret();
        client = new PredictiveService().getPredictiveServiceHttpPort();
        ((BindingProvider) client)
                .getRequestContext()
                .put(
                        BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                        "http://localhost:" + port + "/service/PredictiveService");
    }

    @Test
    void theClientIsGeneratedFromTheServedWsdl() throws IOException {
        String served;
        try (var in = URI.create("http://localhost:" + port + "/service/PredictiveService?wsdl")
                .toURL()
                .openStream()) {
            served = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String checkedIn;
        try (var in = getClass().getResourceAsStream("/wsdl/PredictiveService.wsdl")) {
            checkedIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(served.replace("http://localhost:" + port + "/service/PredictiveService", CHECKED_IN_ADDRESS)
                        .strip())
                .as("api/src/test/resources/wsdl/PredictiveService.wsdl is the served WSDL: copy it again")
                .isEqualTo(checkedIn.strip());
    }

    @Test
    void theGeneratedClientRunsTheAgentLoop() throws Exception {
        ObjectFactory types = new ObjectFactory();
        Disposition outcome = new Disposition();
        ArrayOfString answers = new ArrayOfString();
        answers.getString().addAll(List.of("sale", "no sale"));
        outcome.setDispositions(types.createDispositionDispositions(answers));
        outcome.setName(types.createDispositionName("outcome"));
        ArrayOfDisposition lists = new ArrayOfDisposition();
        lists.getDisposition().add(outcome);
        ArrayOfString numbers = new ArrayOfString();
        numbers.getString().addAll(List.of("2125551000", "2125551001"));
        long campaign =
                client.createCallCenterConnectCampaign(key, "2135550100", "From wsdl2java", "4711", lists, numbers);
        assertThat(tenant.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "RUNNING"
                        .equals(tenant.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));

        String agent = String.valueOf(client.sendAgentCallBack(key, campaign, "ann@example.com", "6465550101"));
        client.loginAgent(key, campaign, agent, "ann@example.com");

        // The external dialer's REST row connects a call while the client waits for it.
        CompletableFuture<CallType> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                CallType call = null;
                for (int i = 0; i < 10 && call == null; i++) {
                    call = client.getConnectionForAgent(key, campaign, agent); // empty after the wait: ask again
                }
                return call;
            } catch (PredictiveServiceException_Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(15))
                .until(() -> tenant.post(
                                        "/api/campaigns/" + campaign + "/agents/" + agent + "/connection",
                                        "{\"number\": \"2125551000\", \"callId\": \"sip-wsdl-1\"}")
                                .status()
                        == 200);
        CallType call = waiting.get(30, TimeUnit.SECONDS);
        assertThat(call.getCallId()).isEqualTo("sip-wsdl-1");
        assertThat(call.getNumber()).isEqualTo("+12125551000");
        assertThat(call.getAgentId()).isEqualTo(Long.parseLong(agent));
        assertThat(call.getDispositionLists().getDisposition())
                .singleElement()
                .satisfies(d ->
                        assertThat(d.getDispositions().getValue().getString()).containsExactly("sale", "no sale"));

        client.storeAgentResponse(key, campaign, agent, "sip-wsdl-1", "sale", "wants a brochure", true);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<AgentType> stats = client.getAgentStats(key, campaign).getAgentType();
            assertThat(stats).singleElement().satisfies(a -> {
                assertThat(a.getId()).isEqualTo(Long.parseLong(agent));
                assertThat(a.getUserId()).isEqualTo("ann@example.com");
                assertThat(a.getCalls()).isEqualTo(1);
                assertThat(a.getLoggedOut().getValue())
                        .as("lastcall logs the agent out")
                        .isNotNull();
            });
        });
        assertThat(tenant.get("/api/calls/sip-wsdl-1")
                        .json()
                        .get("agentResponse")
                        .asText())
                .isEqualTo("sale");

        // A refusal is the WSDL's declared fault, in words.
        assertThatThrownBy(() -> client.getAgentStats("not-a-key", campaign))
                .isInstanceOf(PredictiveServiceException_Exception.class)
                .hasMessageContaining("API key");
    }
}
