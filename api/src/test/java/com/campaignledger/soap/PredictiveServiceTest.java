package com.campaignledger.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * PredictiveService (seed 003) over SOAP 1.1: the seed's envelopes, as its clients post them, answered in {@code out};
 * a bad key or bad input is a fault and writes nothing; what was written is read back over REST.
 */
@SoapServiceTest
class PredictiveServiceTest {

    private static final String NS = "http://api.campaign.dialer.skyyconsulting.com";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ApiClient admin;
    ApiClient tenant;
    String keyId;
    String key;

    @BeforeEach
    void accountWithKey() {
        SoapTenants.Tenant account = SoapTenants.newAccount(port, "soap");
        admin = new ApiClient(port);
        tenant = account.api();
        SoapTenants.Key created = account.newKey("Predictive front end");
        keyId = created.id();
        key = created.secret();
    }

    /** A seed 003 envelope, as the seed writes it. */
    private static String envelope(String operation, String children) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <SOAP-ENV:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xmlns:xsd="http://www.w3.org/2001/XMLSchema"
                xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
                <SOAP-ENV:Body>
                <tnsa:%s
                xmlns:tns="http://schemas.xmlsoap.org/soap/encoding/"
                xmlns:tnsa="http://api.campaign.dialer.skyyconsulting.com"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                %s
                </tnsa:%s>
                </SOAP-ENV:Body>
                </SOAP-ENV:Envelope>""".formatted(operation, children, operation);
    }

    private record Answer(int status, String body, Document xml) {

        /** The text of the first element of this local name in the answer. */
        String text(String localName) {
            NodeList found = xml.getElementsByTagNameNS("*", localName);
            return found.getLength() == 0 ? null : found.item(0).getTextContent();
        }

        Element out() {
            return (Element) xml.getElementsByTagNameNS(NS, "out").item(0);
        }

        boolean nilOut() {
            Element out = out();
            return out != null && "true".equals(out.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"));
        }

        String fault() {
            assertThat(status).as(body).isEqualTo(500);
            return text("faultstring");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private Answer soap(String operation, String children) {
        return soap(operation, children, "soap-" + UUID.randomUUID());
    }

    private Answer soap(String operation, String children, String requestId) {
        SoapTenants.SoapAnswer answer = SoapTenants.post(
                http,
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/service/PredictiveService"))
                        .header("X-Request-Id", requestId)
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"\"")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(envelope(operation, children)))
                        .build());
        return new Answer(answer.status(), answer.body(), answer.xml());
    }

    private String keyElement() {
        return "<tnsa:key>" + key + "</tnsa:key>";
    }

    /** createCallCenterConnectCampaign as seed 003's envelope, with numbers as PHP reads them from a file. */
    private Answer createCampaign(String name, String... numbers) {
        return createCampaignUnder("soap-" + UUID.randomUUID(), name, numbers);
    }

    private Answer createCampaignUnder(String requestId, String name, String... numbers) {
        StringBuilder strings = new StringBuilder();
        for (String number : numbers) {
            strings.append("<tnsa:string>").append(number).append("</tnsa:string>\n");
        }
        return soap("createCallCenterConnectCampaign", keyElement() + """
                <tnsa:callerid>2135550100</tnsa:callerid>
                <tnsa:name>%s</tnsa:name>
                <tnsa:passcode>4711</tnsa:passcode>
                <tnsa:dispositionLists>
                <tnsa:Disposition>
                <tnsa:dispositions>
                <tnsa:string>sale</tnsa:string>
                <tnsa:string>no sale</tnsa:string>
                </tnsa:dispositions>
                <tnsa:name>outcome</tnsa:name>
                </tnsa:Disposition>
                <tnsa:Disposition>
                <tnsa:dispositions>
                <tnsa:string>callback</tnsa:string>
                </tnsa:dispositions>
                <tnsa:name>follow-up</tnsa:name>
                </tnsa:Disposition>
                </tnsa:dispositionLists>
                <tnsa:numbers>
                %s</tnsa:numbers>""".formatted(name, strings), requestId);
    }

    private long runningCampaign(String... numbers) {
        Answer created = createCampaign("Agents over SOAP", numbers);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long campaign = Long.parseLong(created.text("out"));
        tenant.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "RUNNING"
                        .equals(tenant.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));
        return campaign;
    }

    private long campaignEvents() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE 'campaign-%'", Long.class);
    }

    @Test
    void theWsdlIsServedWithoutCredentials() throws Exception {
        HttpResponse<String> wsdl = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/service/PredictiveService?wsdl"))
                        .header("Authorization", "Basic d3Jvbmc6d3Jvbmc=")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body())
                .contains("targetNamespace=\"" + NS + "\"")
                .contains("createCallCenterConnectCampaign", "getConnectionForAgent", "updateRatio")
                .contains("ArrayOfString", "ArrayOfDisposition", "AgentType", "CallType")
                .contains("elementFormDefault=\"qualified\"")
                .contains("/service/PredictiveService\"");
    }

    @Test
    void createCallCenterConnectCampaignAnswersTheIdInOutAndTheCampaignIsReadOverRest() {
        String requestId = "soap-create-" + UUID.randomUUID();
        Answer created = createCampaignUnder(requestId, "Seed 003", "2125551000\n", "2125551001\r\n", "2125551002");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = Long.parseLong(created.text("out"));

        JsonNode campaign = tenant.get("/api/campaigns/" + id).json();
        assertThat(campaign.get("name").asText()).isEqualTo("Seed 003");
        assertThat(campaign.get("fromNumber").asText()).isEqualTo("+12135550100");
        assertThat(campaign.get("numberCount").asInt()).isEqualTo(3);
        assertThat(campaign.get("passcodeSet").asBoolean()).isTrue();
        assertThat(campaign.get("dispositionLists").toString())
                .isEqualTo("[{\"name\":\"outcome\",\"dispositions\":[\"sale\",\"no sale\"]},"
                        + "{\"name\":\"follow-up\",\"dispositions\":[\"callback\"]}]");
        List<String> actors = jdbc
                .queryForList(
                        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                        byte[].class,
                        "campaign-" + id)
                .stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .toList();
        assertThat(actors)
                .isNotEmpty()
                .allSatisfy(meta -> assertThat(meta).contains("\"key:" + keyId + "\"", "\"" + requestId + "\""));
    }

    @Test
    void oneDispositionWhereTheListIsExpectedIsReadAsAListOfOne() {
        // What PHP's SoapClient writes for the seed's 'dispositionLists' => new Disposition("dev", "2134000543").
        Answer created = soap("createCallCenterConnectCampaignWithAM", keyElement() + """
                <tnsa:callerid>2135550100</tnsa:callerid>
                <tnsa:name>One disposition</tnsa:name>
                <tnsa:passcode>4711</tnsa:passcode>
                <tnsa:dispositionLists><tnsa:dispositions>2134000543</tnsa:dispositions><tnsa:name>dev</tnsa:name></tnsa:dispositionLists>
                <tnsa:numbers><tnsa:string>2125551000</tnsa:string></tnsa:numbers>
                <tnsa:answeringMachineSound>5362</tnsa:answeringMachineSound>""");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode campaign = tenant.get("/api/campaigns/" + created.text("out")).json();
        assertThat(campaign.get("dispositionLists").toString())
                .isEqualTo("[{\"name\":\"dev\",\"dispositions\":[\"2134000543\"]}]");
        assertThat(campaign.get("answeringMachineSoundId").asLong()).isEqualTo(5362);
    }

    @Test
    void aBadOrRevokedKeyIsAFaultAndWritesNothing() {
        long before = campaignEvents();
        String unknown = soap("createCallCenterConnectCampaign", "<tnsa:key>nope</tnsa:key><tnsa:name>x</tnsa:name>")
                .fault();
        assertThat(unknown).contains("not an API key of this service", "revoked", "POST /api/api-keys");

        assertThat(tenant.delete("/api/api-keys/" + keyId).status()).isEqualTo(204);
        assertThat(createCampaign("Revoked").fault()).isEqualTo(unknown);
        assertThat(soap("getAgentStats", keyElement() + "<tnsa:campaignid>1</tnsa:campaignid>")
                        .fault())
                .isEqualTo(unknown);
        assertThat(campaignEvents()).isEqualTo(before);
    }

    @Test
    void badInputIsAFaultInTheWordsOfTheRestProblemAndWritesNothing() {
        long before = campaignEvents();
        String fault = createCampaign("Bad numbers", "12").fault();
        Response rest = tenant.post("/api/campaigns", """
                {"name": "Bad numbers", "fromNumber": "2135550100", "passcode": "4711",
                 "dispositionLists": [{"name": "outcome", "dispositions": ["sale", "no sale"]},
                                      {"name": "follow-up", "dispositions": ["callback"]}],
                 "numbers": [{"number": "12"}]}""");
        assertThat(rest.status()).isEqualTo(400);
        assertThat(fault).isEqualTo(rest.json().get("detail").asText());

        String noAgent = soap(
                        "loginAgent",
                        keyElement() + "<tnsa:campaignId>999999</tnsa:campaignId><tnsa:agentId>77</tnsa:agentId>"
                                + "<tnsa:userId>ann</tnsa:userId>")
                .fault();
        assertThat(noAgent).isEqualTo("No agent 77 on campaign 999999");
        assertThat(campaignEvents()).isEqualTo(before);
    }

    @Test
    void theAgentLoopRunsEndToEndOverSoap() throws Exception {
        long campaign = runningCampaign("2125551000", "2125551001");
        String ids = "<tnsa:campaignId>" + campaign + "</tnsa:campaignId>";

        Answer callback = soap(
                "sendAgentCallBack",
                keyElement() + ids + "<tnsa:userId>ann@example.com</tnsa:userId>"
                        + "<tnsa:phoneNumber>6465550101\n</tnsa:phoneNumber>");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(200);
        String agent = callback.text("out");
        String agentIds = ids + "<tnsa:agentId>" + agent + "</tnsa:agentId>";

        Answer login = soap("loginAgent", keyElement() + agentIds + "<tnsa:userId>ann@example.com</tnsa:userId>");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.nilOut()).as(login.toString()).isTrue();

        // The call list knows the campaign's numbers a moment after they are added.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM dialer_number WHERE campaign_id = ?", Long.class, campaign)
                        == 2);
        CompletableFuture<Answer> waiting =
                CompletableFuture.supplyAsync(() -> soap("getConnectionForAgent", keyElement() + agentIds));
        Thread.sleep(300); // the wait is open before the call is connected
        Response connected = tenant.post(
                "/api/campaigns/" + campaign + "/agents/" + agent + "/connection",
                "{\"number\": \"2125551000\", \"callId\": \"sip-7\"}");
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);

        Answer connection = waiting.get(20, TimeUnit.SECONDS);
        assertThat(connection.status()).as(connection.toString()).isEqualTo(200);
        assertThat(connection.text("callId")).isEqualTo("sip-7");
        assertThat(connection.text("number")).isEqualTo("+12125551000");
        assertThat(connection.text("agentId")).isEqualTo(agent);

        Answer stored = soap(
                "storeAgentResponse",
                keyElement() + agentIds
                        + "<tnsa:callId>sip-7</tnsa:callId><tnsa:agentResponse>sale</tnsa:agentResponse>"
                        + "<tnsa:agentNotes>wants a brochure</tnsa:agentNotes><tnsa:lastcall>1</tnsa:lastcall>");
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.nilOut()).isTrue();
        assertThat(soap(
                                "storeAgentResponse",
                                keyElement() + agentIds + "<tnsa:callId>sip-7</tnsa:callId>"
                                        + "<tnsa:agentResponse>no sale</tnsa:agentResponse>"
                                        + "<tnsa:agentNotes></tnsa:agentNotes><tnsa:lastcall>true</tnsa:lastcall>")
                        .fault())
                .as("a second, different response to the same call")
                .isNotBlank();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Answer stats = soap("getAgentStats", keyElement() + "<tnsa:campaignid>" + campaign + "</tnsa:campaignid>");
            assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
            assertThat(stats.text("id")).isEqualTo(agent);
            assertThat(stats.text("userId")).isEqualTo("ann@example.com");
            assertThat(stats.text("phoneNumber")).isEqualTo("+16465550101");
            assertThat(stats.text("calls")).isEqualTo("1");
            assertThat(stats.text("loggedOut"))
                    .as("lastcall logs the agent out")
                    .isNotBlank();
            List<String> columns = new ArrayList<>();
            NodeList children =
                    stats.xml().getElementsByTagNameNS(NS, "AgentType").item(0).getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element column) {
                    columns.add(column.getLocalName());
                }
            }
            assertThat(columns).hasSize(12);
        });
        JsonNode rest = tenant.get("/api/campaigns/" + campaign + "/agents").json();
        assertThat(rest.get(0).get("state").asText()).isEqualTo("LOGGED_OUT");
    }

    @Test
    void answeringMachineTransferRecordsTheCallAsAmAndKeepsTheAgentQueued() throws Exception {
        long campaign = runningCampaign("2125551000", "2125551001");
        String ids = "<tnsa:campaignId>" + campaign + "</tnsa:campaignId>";
        String agent = soap(
                        "sendAgentCallBack",
                        keyElement() + ids
                                + "<tnsa:userId>cy</tnsa:userId><tnsa:phoneNumber>6465550103</tnsa:phoneNumber>")
                .text("out");
        String agentIds = ids + "<tnsa:agentId>" + agent + "</tnsa:agentId>";
        assertThat(soap("loginAgent", keyElement() + agentIds + "<tnsa:userId>cy</tnsa:userId>")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM dialer_number WHERE campaign_id = ?", Long.class, campaign)
                        == 2);
        assertThat(tenant.post(
                                "/api/campaigns/" + campaign + "/agents/" + agent + "/connection",
                                "{\"number\": \"2125551001\", \"callId\": \"am-1\"}")
                        .status())
                .isEqualTo(200);

        Answer transferred = soap(
                "answeringMachineTransferStoreAgentResponse",
                keyElement() + agentIds
                        + "<tnsa:callId>am-1</tnsa:callId><tnsa:agentResponse>machine</tnsa:agentResponse>"
                        + "<tnsa:agentNotes>left the message</tnsa:agentNotes><tnsa:lastcall>0</tnsa:lastcall>");
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.nilOut()).isTrue();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                                        + "AND payload_type LIKE '%CallResultRecordedEvent'",
                                Long.class, "campaign-" + campaign)
                        == 1);
        String recorded = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE '%CallResultRecordedEvent'",
                String.class, "campaign-" + campaign);
        assertThat(recorded).contains("\"result\":\"AM\"", "\"callId\":\"am-1\"");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "READY"
                        .equals(tenant.get("/api/campaigns/" + campaign + "/agents")
                                .json()
                                // Empty until the agent sessions' processor has caught up: not yet, not an error.
                                .path(0)
                                .path("state")
                                .asText()));
    }

    @Test
    void getConnectionForAgentAnswersAnEmptyOutWhenNoCallCameInTime() {
        long campaign = runningCampaign("2125551000");
        String ids = "<tnsa:campaignId>" + campaign + "</tnsa:campaignId>";
        String agent = soap(
                        "sendAgentCallBackWithMusicSetting",
                        keyElement() + ids
                                + "<tnsa:userId>bob</tnsa:userId><tnsa:phoneNumber>6465550102</tnsa:phoneNumber>"
                                + "<tnsa:musiconhold>jazz</tnsa:musiconhold>")
                .text("out");
        String agentIds = ids + "<tnsa:agentId>" + agent + "</tnsa:agentId>";
        assertThat(soap("loginAgent", keyElement() + agentIds + "<tnsa:userId>bob</tnsa:userId>")
                        .status())
                .isEqualTo(200);

        long started = System.nanoTime();
        Answer none = soap("getConnectionForAgent", keyElement() + agentIds);
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.nilOut()).as(none.toString()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));

        Answer kicked = soap("kickAgent", keyElement() + agentIds);
        assertThat(kicked.status()).as(kicked.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "LOGGED_OUT"
                        .equals(tenant.get("/api/campaigns/" + campaign + "/agents")
                                .json()
                                .path(0)
                                .path("state")
                                .asText()));
        assertThat(soap("getConnectionForAgent", keyElement() + agentIds).fault())
                .isNotBlank();
    }

    @Test
    void updateRatioTakesTheEnvelopesCampaignidAndThePhpSamplesCampaignId() {
        long campaign = Long.parseLong(createCampaign("Ratio", "2125551000").text("out"));
        Answer envelope = soap(
                "updateRatio",
                keyElement() + "<tnsa:campaignid>" + campaign + "</tnsa:campaignid><tnsa:ratio>2</tnsa:ratio>");
        assertThat(envelope.status()).as(envelope.toString()).isEqualTo(200);
        assertThat(envelope.nilOut()).isTrue();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> tenant.get("/api/campaigns/" + campaign)
                                .json()
                                .get("dialRatio")
                                .asDouble()
                        == 2.0);

        Answer php = soap(
                "updateRatio",
                keyElement() + "<tnsa:campaignId>" + campaign + "</tnsa:campaignId><tnsa:ratio>3.5</tnsa:ratio>");
        assertThat(php.status()).as(php.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> tenant.get("/api/campaigns/" + campaign)
                                .json()
                                .get("dialRatio")
                                .asDouble()
                        == 3.5);

        Response rest = tenant.put("/api/campaigns/" + campaign + "/dial-ratio", "{\"ratio\": 9}");
        assertThat(rest.status()).isEqualTo(400);
        assertThat(soap(
                                "updateRatio",
                                keyElement() + "<tnsa:campaignid>" + campaign
                                        + "</tnsa:campaignid><tnsa:ratio>9</tnsa:ratio>")
                        .fault())
                .isEqualTo(rest.json().get("detail").asText());
    }
}
