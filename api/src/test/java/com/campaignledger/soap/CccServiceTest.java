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
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CccService (seeds 000 and 002) over SOAP 1.2, with envelopes as seed 000's PHP SoapClient posts them and HTTP Basic
 * with an API credential: what it writes is read back over REST, refusals are faults in the REST problem's words and
 * write nothing.
 */
@SoapServiceTest
class CccServiceTest {

    private static final String NS = "http://api.callfire.com/service/xsd";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ApiClient admin;
    ApiClient tenant;
    String basic;

    @BeforeEach
    void accountWithCredential() {
        admin = new ApiClient(port);
        SoapTenants.Tenant account = SoapTenants.newAccount(port, "ccc");
        tenant = account.api();
        basic = basic(account.login(), account.secret());
    }

    private static String basic(String login, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A SOAP 1.2 envelope as PHP's SoapClient writes it for the WSDL's document/literal operations. */
    private static String envelope(String operation, String children) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:ns1="%s">\
                <env:Body><ns1:%s>%s</ns1:%s></env:Body></env:Envelope>""".formatted(NS, operation, children, operation);
    }

    private record Answer(int status, String body, Document xml) {

        /** The text of the first element of this local name in the answer. */
        String text(String localName) {
            NodeList found = xml.getElementsByTagNameNS("*", localName);
            return found.getLength() == 0 ? null : found.item(0).getTextContent();
        }

        Element element(String localName) {
            return (Element) xml.getElementsByTagNameNS(NS, localName).item(0);
        }

        String fault() {
            assertThat(xml.getElementsByTagNameNS(SOAP12, "Fault").getLength())
                    .as(body)
                    .isEqualTo(1);
            return xml.getElementsByTagNameNS(SOAP12, "Text").item(0).getTextContent();
        }

        Answer ok() {
            assertThat(status).as(body).isEqualTo(200);
            assertThat(xml.getElementsByTagNameNS(SOAP12, "Fault").getLength())
                    .as(body)
                    .isZero();
            return this;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private Answer soap(String operation, String children) {
        return soap(operation, children, basic);
    }

    private Answer soap(String operation, String children, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/service/CccService"))
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"\"")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(envelope(operation, children)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        SoapTenants.SoapAnswer answer = SoapTenants.post(http, request.build());
        return new Answer(answer.status(), answer.body(), answer.xml());
    }

    /** Seed 000's second example, with a transfer number, a question and a label as CccCampaign's elements. */
    private static final String SEED_000_CAMPAIGN = """
            <ns1:Name>%s</ns1:Name>\
            <ns1:LocalRestrictBegin>09:00:00</ns1:LocalRestrictBegin>\
            <ns1:LocalRestrictEnd>20:30:00</ns1:LocalRestrictEnd>\
            <ns1:Script>Hello, this is the ledger calling.</ns1:Script>\
            <ns1:Question><ns1:Label>Interested?</ns1:Label><ns1:ResponseType>CHOICE</ns1:ResponseType>\
            <ns1:Choices>yes</ns1:Choices><ns1:Choices>no</ns1:Choices></ns1:Question>\
            <ns1:TransferNumber><ns1:Name>Sales</ns1:Name><ns1:Number>2135551212</ns1:Number>\
            <ns1:AllowAssistedTransfer>true</ns1:AllowAssistedTransfer></ns1:TransferNumber>\
            <ns1:FromNumber>9206596476</ns1:FromNumber>\
            <ns1:RetryConfig><ns1:MaxAttempts>3</ns1:MaxAttempts>\
            <ns1:MinutesBetweenAttempts>5</ns1:MinutesBetweenAttempts>\
            <ns1:RetryResults>BUSY NO_ANS</ns1:RetryResults></ns1:RetryConfig>\
            <ns1:Recorded>true</ns1:Recorded>\
            <ns1:NumberOfRings>5</ns1:NumberOfRings>\
            <ns1:Label>spring</ns1:Label><ns1:Label>tv</ns1:Label>""";

    private Answer create(String campaign) {
        return soap("CreateCccCampaign", "<ns1:CccCampaign>" + campaign + "</ns1:CccCampaign>");
    }

    private long created(String campaign) {
        Answer created = create(campaign).ok();
        return Long.parseLong(created.text("CreatedId"));
    }

    private long campaignEvents() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE 'campaign-%'", Long.class);
    }

    private JsonNode rest(long campaign) {
        Response read = tenant.get("/api/campaigns/" + campaign);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    /** The campaign over REST once the read model shows what was written (it follows the events). */
    private JsonNode restOnce(long campaign, java.util.function.Predicate<JsonNode> written) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> rest(campaign), written);
    }

    @Test
    void theWsdlIsServedAtCallFiresAddressWhateverCredentialsComeWithIt() throws Exception {
        for (String authorization : new String[] {null, basic("wrong", "wrong"), basic}) {
            HttpRequest.Builder get = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/1.1/wsdl/callfire-service-http-soap12.wsdl"));
            if (authorization != null) {
                get.header("Authorization", authorization);
            }
            HttpResponse<String> wsdl = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wsdl.statusCode()).as(wsdl.body()).isEqualTo(200);
            assertThat(wsdl.body())
                    .contains("http://schemas.xmlsoap.org/wsdl/soap12/")
                    .contains("location=\"http://localhost:" + port + "/service/CccService\"")
                    .contains(
                            "\"CreateCccCampaign\"",
                            "\"GetCccCampaign\"",
                            "\"QueryCccCampaigns\"",
                            "\"UpdateCccCampaign\"",
                            "\"ControlCccCampaign\"",
                            "\"DeleteCccCampaign\"",
                            "\"DeleteCccCampaignTransferNumbers\"",
                            "\"DeleteCccCampaignQuestions\"",
                            "\"GetCccCampaignStats\"")
                    .containsPattern("<xs:element name=\"CreatedId\"[^>]* type=\"xs:long\"")
                    .contains("\"RetryResults\"", "\"TransferNumber\"", "\"FromNumber\"");
        }
        Response openApi = admin.get("/v3/api-docs");
        assertThat(openApi.body()).doesNotContain("wsdl", "/service/");
    }

    @Test
    void createAnswersABareCreatedIdAndGetAndQueryShowTheRestRowsCampaign() {
        long id = created(SEED_000_CAMPAIGN.formatted("Seed 000"));

        JsonNode campaign = rest(id);
        assertThat(campaign.get("name").asText()).isEqualTo("Seed 000");
        assertThat(campaign.get("fromNumber").asText()).isEqualTo("+19206596476");
        assertThat(campaign.get("localRestrictBegin").asText()).isEqualTo("09:00");
        assertThat(campaign.get("retryConfig").toString())
                .isEqualTo("{\"maxAttempts\":3,\"minutesBetweenAttempts\":5,\"retryResults\":[\"BUSY\",\"NO_ANS\"],"
                        + "\"retryPhoneTypes\":[\"FIRST_NUMBER\"]}");
        assertThat(campaign.get("transferNumbers").toString())
                .isEqualTo("[{\"name\":\"Sales\",\"number\":\"+12135551212\",\"allowAssistedTransfer\":true}]");
        assertThat(campaign.get("questions").toString())
                .isEqualTo("[{\"label\":\"Interested?\",\"responseType\":\"CHOICE\",\"choices\":[\"yes\",\"no\"]}]");
        assertThat(campaign.get("labels").toString()).isEqualTo("[\"spring\",\"tv\"]");
        assertThat(campaign.get("numberOfRings").asInt()).isEqualTo(5);
        Answer got = soap("GetCccCampaign", "<ns1:Id>" + id + "</ns1:Id>").ok();
        Element wire = got.element("CccCampaign");
        assertThat(wire.getAttribute("id")).isEqualTo(Long.toString(id));
        assertThat(got.text("Name")).isEqualTo("Seed 000");
        assertThat(got.text("Status")).isEqualTo("SETUP");
        assertThat(got.text("FromNumber")).isEqualTo("+19206596476");
        assertThat(got.text("LocalRestrictBegin")).isEqualTo("09:00:00");
        assertThat(got.text("RetryResults")).isEqualTo("BUSY NO_ANS");
        assertThat(got.text("MaxAttempts")).isEqualTo("3");
        assertThat(got.text("Number")).isEqualTo("+12135551212");
        assertThat(got.text("ResponseType")).isEqualTo("CHOICE");
        assertThat(got.xml().getElementsByTagNameNS(NS, "Label").getLength())
                .as("the question's and the campaign's two")
                .isEqualTo(3);
        assertThat(got.text("Created")).isNotBlank();

        long other = created("<ns1:Name>Seed 000 minimal</ns1:Name>");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> tenant.get("/api/campaigns?size=5")
                                .json()
                                .get("totalElements")
                                .asLong()
                        == 2);
        Answer all = soap("QueryCccCampaigns", "<ns1:MaxResults>1</ns1:MaxResults><ns1:FirstResult>1</ns1:FirstResult>")
                .ok();
        assertThat(all.element("CccCampaignQueryResult").getAttribute("totalResults"))
                .isEqualTo("2");
        assertThat(all.xml().getElementsByTagNameNS(NS, "CccCampaign").getLength())
                .isEqualTo(1);
        assertThat(all.element("CccCampaign").getAttribute("id")).isEqualTo(Long.toString(other));
        Answer byName = soap("QueryCccCampaigns", "<ns1:Name>Seed 000 minimal</ns1:Name>")
                .ok();
        assertThat(byName.element("CccCampaignQueryResult").getAttribute("totalResults"))
                .isEqualTo("1");
        assertThat(byName.text("Name")).isEqualTo("Seed 000 minimal");
    }

    @Test
    void updateReplacesTheWholeConfigurationButNotTheName() {
        long id = created(SEED_000_CAMPAIGN.formatted("Kept name"));

        soap("UpdateCccCampaign", """
                        <ns1:CccCampaign id="%d"><ns1:Name>dummy</ns1:Name>\
                        <ns1:Script>A new script</ns1:Script>\
                        <ns1:RetryConfig><ns1:MaxAttempts>2</ns1:MaxAttempts></ns1:RetryConfig>\
                        <ns1:Label>autumn</ns1:Label></ns1:CccCampaign>""".formatted(id)).ok();

        JsonNode campaign = restOnce(id, c -> c.get("script").asText().equals("A new script"));
        assertThat(campaign.get("name").asText()).isEqualTo("Kept name");
        assertThat(campaign.get("script").asText()).isEqualTo("A new script");
        assertThat(campaign.get("labels").toString()).isEqualTo("[\"autumn\"]");
        assertThat(campaign.get("retryConfig").toString())
                .as("replaced, not merged: the attempts' minutes and results are the defaults again")
                .isEqualTo("{\"maxAttempts\":2,\"minutesBetweenAttempts\":60,\"retryResults\":[],"
                        + "\"retryPhoneTypes\":[\"FIRST_NUMBER\"]}");
        assertThat(campaign.get("fromNumber").isNull()).isTrue();
        assertThat(campaign.get("localRestrictBegin").isNull()).isTrue();
        assertThat(campaign.get("transferNumbers")).isEmpty();
        assertThat(campaign.get("questions")).isEmpty();
        assertThat(campaign.get("recorded").asBoolean()).isFalse();
        assertThat(campaign.get("numberOfRings").asInt()).isEqualTo(4);

        assertThat(soap("UpdateCccCampaign", "<ns1:CccCampaign><ns1:Name>x</ns1:Name></ns1:CccCampaign>")
                        .fault())
                .isEqualTo("CccCampaign id: is required");
    }

    @Test
    void aCampaignReadCanBeSentBackAndTheLedgersOwnSettingsStay() {
        Response created = tenant.post("/api/campaigns", """
                {"name": "Predictive", "script": "Old", "passcode": "4711",
                 "dispositionLists": [{"name": "outcome", "dispositions": ["sale", "no sale"]}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String read = soap("GetCccCampaign", "<ns1:Id>" + id + "</ns1:Id>").ok().body();
        String campaign = read.substring(read.indexOf("<CccCampaign"), read.indexOf("</CccCampaign>") + 14)
                .replace("<Script>Old</Script>", "<Script>New</Script>");
        assertThat(campaign).contains("<Status>SETUP</Status>", "<Created>");

        // Status and the dates are the ledger's: sent back as read, they are not refused, and change nothing.
        soap("UpdateCccCampaign", campaign).ok();

        JsonNode updated = restOnce(id, c -> c.get("script").asText().equals("New"));
        assertThat(updated.get("status").asText()).isEqualTo("SETUP");
        assertThat(updated.get("passcodeSet").asBoolean()).isTrue();
        assertThat(updated.get("dispositionLists").toString())
                .isEqualTo("[{\"name\":\"outcome\",\"dispositions\":[\"sale\",\"no sale\"]}]");
    }

    @Test
    void controlDeletesAndStatsAreTheRestRows() {
        long id = created(SEED_000_CAMPAIGN.formatted("Controlled"));
        String ids = "<ns1:Id>" + id + "</ns1:Id>";

        soap("DeleteCccCampaignTransferNumbers", ids).ok();
        soap("DeleteCccCampaignQuestions", ids).ok();
        JsonNode cleared = restOnce(id, c -> c.get("questions").isEmpty());
        assertThat(cleared.get("transferNumbers")).isEmpty();
        assertThat(cleared.get("questions")).isEmpty();
        assertThat(cleared.get("script").asText()).isEqualTo("Hello, this is the ledger calling.");

        String noNumbers = soap("ControlCccCampaign", ids + "<ns1:Command>START</ns1:Command>")
                .fault();
        Response restStart = tenant.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}");
        assertThat(restStart.status()).isEqualTo(409);
        assertThat(noNumbers).isEqualTo(restStart.json().get("detail").asText());
        assertThat(soap("ControlCccCampaign", ids + "<ns1:Command>PAUSE</ns1:Command>")
                        .fault())
                .isEqualTo("Command: must be one of [START, STOP, ARCHIVE]");

        assertThat(tenant.post(
                                "/api/campaigns/" + id + "/numbers",
                                "[{\"number\": \"2125551000\"}, {\"number\": \"2125551001\"}]")
                        .status())
                .isEqualTo(200);
        soap("ControlCccCampaign", ids + "<ns1:Command>START</ns1:Command>").ok();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "RUNNING".equals(rest(id).path("status").asText()));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(soap("GetCccCampaignStats", "<ns1:CampaignId>" + id + "</ns1:CampaignId>")
                                        .ok()
                                        .text("Total"))
                                .isEqualTo("2"));
        Answer stats = soap("GetCccCampaignStats", "<ns1:CampaignId>" + id + "</ns1:CampaignId>")
                .ok();
        assertThat(stats.element("CccCampaignStats").getAttribute("campaignId")).isEqualTo(Long.toString(id));
        assertThat(stats.text("Dialed")).isEqualTo("0");
        assertThat(stats.text("AgentsLoggedIn")).isEqualTo("0");

        String running = soap("DeleteCccCampaign", ids).fault();
        Response restDelete = tenant.delete("/api/campaigns/" + id);
        assertThat(restDelete.status()).isEqualTo(409);
        assertThat(running).isEqualTo(restDelete.json().get("detail").asText());

        soap("ControlCccCampaign", ids + "<ns1:Command>STOP</ns1:Command>").ok();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "STOPPED".equals(rest(id).path("status").asText()));
        soap("DeleteCccCampaign", ids).ok();
        Response deleted = await().atMost(Duration.ofSeconds(15))
                .until(() -> tenant.get("/api/campaigns/" + id), r -> r.status() == 404);
        assertThat(soap("GetCccCampaign", ids).fault())
                .isEqualTo(deleted.json().get("detail").asText())
                .contains("deleted");
    }

    @Test
    void aRepeatedRequestIdAnswersTheSameIdAndCreatesNothing() {
        String requestId = "urn:uuid:" + UUID.randomUUID();
        String request = "<ns1:RequestId>" + requestId + "</ns1:RequestId><ns1:CccCampaign>"
                + SEED_000_CAMPAIGN.formatted("Once") + "</ns1:CccCampaign>";
        long first = Long.parseLong(soap("CreateCccCampaign", request).ok().text("CreatedId"));
        long events = campaignEvents();

        long again = Long.parseLong(soap("CreateCccCampaign", request).ok().text("CreatedId"));
        assertThat(again).isEqualTo(first);
        assertThat(campaignEvents()).isEqualTo(events);
        assertThat(tenant.get("/api/campaigns?name=Once")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isLessThanOrEqualTo(1);

        String reused = soap(
                        "CreateCccCampaign",
                        "<ns1:RequestId>" + requestId + "</ns1:RequestId><ns1:CccCampaign><ns1:Name>Another</ns1:Name>"
                                + "</ns1:CccCampaign>")
                .fault();
        assertThat(reused).contains(requestId);
        assertThat(campaignEvents()).isEqualTo(events);
    }

    @Test
    void wrongOrNoCredentialsAreASoapFaultAndWriteNothing() {
        long before = campaignEvents();
        Answer wrong = soap(
                "CreateCccCampaign",
                "<ns1:CccCampaign><ns1:Name>x</ns1:Name></ns1:CccCampaign>",
                basic("nobody", "wrong"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.fault()).isEqualTo("Send an API credential's login and secret with HTTP Basic authentication");
        Answer none = soap("GetCccCampaign", "<ns1:Id>1</ns1:Id>", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.fault()).isEqualTo(wrong.fault());
        assertThat(campaignEvents()).isEqualTo(before);
    }

    @Test
    void anotherAccountsCampaignIsAFaultAndIsLeftAlone() {
        long theirs = created(SEED_000_CAMPAIGN.formatted("Theirs"));
        SoapTenants.Tenant mine = SoapTenants.newAccount(port, "ccc");
        String me = basic(mine.login(), mine.secret());
        String ids = "<ns1:Id>" + theirs + "</ns1:Id>";
        long before = campaignEvents();

        String notFound = soap("GetCccCampaign", ids, me).fault();
        assertThat(notFound)
                .isEqualTo(mine.api()
                        .get("/api/campaigns/" + theirs)
                        .json()
                        .get("detail")
                        .asText());
        assertThat(soap(
                                "UpdateCccCampaign",
                                "<ns1:CccCampaign id=\"" + theirs + "\"><ns1:Name>x</ns1:Name></ns1:CccCampaign>",
                                me)
                        .fault())
                .contains(Long.toString(theirs));
        assertThat(soap("ControlCccCampaign", ids + "<ns1:Command>ARCHIVE</ns1:Command>", me)
                        .fault())
                .contains(Long.toString(theirs));
        assertThat(soap("DeleteCccCampaignQuestions", ids, me).fault()).contains(Long.toString(theirs));
        assertThat(soap("DeleteCccCampaign", ids, me).fault()).contains(Long.toString(theirs));
        assertThat(soap("GetCccCampaignStats", "<ns1:CampaignId>" + theirs + "</ns1:CampaignId>", me)
                        .fault())
                .isEqualTo(notFound);
        assertThat(campaignEvents()).isEqualTo(before);
        assertThat(rest(theirs).get("questions")).isNotEmpty();
    }

    @Test
    void badInputIsAFaultInTheWordsOfTheRestProblemAndWritesNothing() {
        long before = campaignEvents();
        String badCallerId = create("<ns1:Name>Bad</ns1:Name><ns1:FromNumber>12</ns1:FromNumber>")
                .fault();
        Response rest = tenant.post("/api/campaigns", "{\"name\": \"Bad\", \"fromNumber\": \"12\"}");
        assertThat(rest.status()).isEqualTo(400);
        assertThat(badCallerId).isEqualTo(rest.json().get("detail").asText());

        assertThat(create("<ns1:Name>Bad</ns1:Name><ns1:RetryConfig><ns1:RetryResults>BUSY NOPE</ns1:RetryResults>"
                                + "</ns1:RetryConfig>")
                        .fault())
                .startsWith("retryConfig.retryResults[1]: must be one of [LA, AM, BUSY");
        assertThat(create("<ns1:Script>No name</ns1:Script>").fault()).contains("name");
        assertThat(create("<ns1:Name>Bad</ns1:Name><ns1:NumberOfRings>many</ns1:NumberOfRings>")
                        .fault())
                .isNotBlank();
        assertThat(soap("CreateCccCampaign", "").fault()).isEqualTo("CccCampaign: is required");
        assertThat(soap("QueryCccCampaigns", "<ns1:MaxResults>10</ns1:MaxResults><ns1:FirstResult>5</ns1:FirstResult>")
                        .fault())
                .contains("FirstResult");
        assertThat(soap("QueryCccCampaigns", "<ns1:Status>NOPE</ns1:Status>").fault())
                .contains("Status");
        assertThat(campaignEvents()).isEqualTo(before);
    }
}
