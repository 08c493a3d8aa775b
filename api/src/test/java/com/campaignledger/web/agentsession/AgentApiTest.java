package com.campaignledger.web.agentsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.ConnectCallCommand;
import com.campaignledger.dialer.calllist.CallListProjection;
import com.campaignledger.dialer.outcome.AgentCallOutcomeRecorder;
import com.campaignledger.operations.processors.ProcessorCatchUp;
import com.campaignledger.projections.campaign.CampaignViewProjection;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agent endpoints over HTTP on the embedded database, without the simulated dialer: calls are
 * connected with the same command a dialer sends, so each step can be checked on its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:agents;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
class AgentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ProcessorCatchUp catchUp;

    ApiClient api;
    long campaign;

    @BeforeEach
    void runningCampaign() {
        api = new ApiClient(port);
        campaign = api.post("/api/campaigns", """
                {"name": "Agents", "fromNumber": "2135550100", "script": "Hi {name}",
                 "questions": [{"label": "Vote?", "responseType": "CHOICE", "choices": ["yes", "no"]}],
                 "transferNumbers": [{"name": "Desk", "number": "2135550199"}],
                 "dispositionLists": [{"name": "outcome", "dispositions": ["sale", "no sale"]}],
                 "numbers": [{"number": "2125551000", "extraData": {"name": "Ann"}}, {"number": "2125551001"}]}""").json().get("id").asLong();
        control(campaign, "START");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "RUNNING"
                        .equals(api.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));
    }

    private String agents() {
        return "/api/campaigns/" + campaign + "/agents";
    }

    private long callback(String user) {
        Response r = api.post(
                agents() + "/callback", "{\"userId\": \"" + user + "\", \"phoneNumber\": \"+1 (646) 555-0101\"}");
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        return r.json().get("agentId").asLong();
    }

    private long loggedIn(String user) {
        long agent = callback(user);
        Response login = api.post(agents() + "/" + agent + "/login", "{\"userId\": \"" + user + "\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return agent;
    }

    /** START, STOP or ARCHIVE: the answer's status. */
    private int control(long campaignId, String command) {
        return api.post("/api/campaigns/" + campaignId + "/control", "{\"command\": \"" + command + "\"}")
                .status();
    }

    private long agentEvents(long agent) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                AgentSessionId.of(agent).toString());
    }

    /** Events of every agent session, of this test's campaign and of {@code other}: what a request here could write. */
    private long events(long other) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE 'agent-session-%' "
                        + "OR aggregate_identifier IN (?, ?)",
                Long.class, "campaign-" + campaign, "campaign-" + other);
    }

    @Test
    void theTwoStepLoginIssuesOneAgentIdPerOpenSession() {
        Response first =
                api.post(agents() + "/callback", "{\"userId\": \"ann@example.com\", \"phoneNumber\": \"6465550101\"}");
        assertThat(first.status()).isEqualTo(201);
        long agent = first.json().get("agentId").asLong();
        assertThat(first.json().get("state").asText()).isEqualTo("CALLBACK_SENT");
        Response again = api.post(
                agents() + "/callback",
                "{\"userId\": \"ann@example.com\", \"phoneNumber\": \"6465550101\", \"musicOnHold\": \"jazz\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("agentId").asLong()).isEqualTo(agent);

        Response wrongUser = api.post(agents() + "/" + agent + "/login", "{\"userId\": \"eve@example.com\"}");
        assertThat(wrongUser.status()).as(wrongUser.toString()).isEqualTo(409);
        Response login = api.post(agents() + "/" + agent + "/login", "{\"userId\": \"ann@example.com\"}");
        assertThat(login.json().get("state").asText()).isEqualTo("READY");
        long before = agentEvents(agent);
        assertThat(api.post(agents() + "/" + agent + "/login", "{\"userId\": \"ann@example.com\"}")
                        .status())
                .isEqualTo(200);
        assertThat(agentEvents(agent)).as("a repeated login writes nothing").isEqualTo(before);

        assertThat(api.post(agents() + "/" + agent + "/logout", null)
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("LOGGED_OUT");
        Response newSession =
                api.post(agents() + "/callback", "{\"userId\": \"ann@example.com\", \"phoneNumber\": \"6465550101\"}");
        assertThat(newSession.status()).isEqualTo(201);
        assertThat(newSession.json().get("agentId").asLong()).isNotEqualTo(agent);
    }

    /** A userId is one user however it is spelled: one open session, and it logs in with any spelling. */
    @Test
    void aUserIdIsComparedWithoutCase() {
        Response first =
                api.post(agents() + "/callback", "{\"userId\": \"ALICE@A.TEST\", \"phoneNumber\": \"6465550101\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long agent = first.json().get("agentId").asLong();
        for (String spelling : List.of("alice@a.test", "Alice@A.test", " alice@A.TEST ")) {
            Response again = api.post(
                    agents() + "/callback", "{\"userId\": \"" + spelling + "\", \"phoneNumber\": \"6465550101\"}");
            assertThat(again.status()).as(spelling + " " + again).isEqualTo(200);
            assertThat(again.json().get("agentId").asLong()).isEqualTo(agent);
        }
        Response login = api.post(agents() + "/" + agent + "/login", "{\"userId\": \"alice@a.test\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("state").asText()).isEqualTo("READY");
    }

    @Test
    void badAgentRequestsAreRefusedAndWriteNothing() {
        long agent = callback("bad@example.com");
        long other = api.post("/api/campaigns", "{\"name\": \"Other\"}")
                .json()
                .get("id")
                .asLong();
        long before = events(other);
        assertRejected(
                api.post(agents() + "/callback", "{\"userId\": \"x\", \"phoneNumber\": \"123\"}"), 400, "phoneNumber");
        assertRejected(api.post(agents() + "/callback", "{\"phoneNumber\": \"6465550101\"}"), 400, "userId");
        assertRejected(
                api.post(agents() + "/callback", "{\"userId\": \"x\", \"phoneNumber\": \"6465550101\", \"pin\": 1}"),
                400,
                "pin");
        assertRejected(
                api.post(
                        "/api/campaigns/999999/agents/callback",
                        "{\"userId\": \"x\", \"phoneNumber\": \"6465550101\"}"),
                404,
                null);
        assertRejected(api.post(agents() + "/999999/login", "{\"userId\": \"x\"}"), 404, null);
        assertRejected(api.post(agents() + "/" + agent + "/responses", "{\"callId\": \"nope\"}"), 409, null);
        assertRejected(api.post(agents() + "/" + agent + "/responses", "{}"), 400, "callId");
        assertRejected(api.get(agents() + "/" + agent + "/connection?waitSeconds=61"), 400, "waitSeconds");
        assertRejected(api.get(agents() + "/" + agent + "/connection?waitSeconds=soon"), 400, "waitSeconds");
        assertRejected(
                api.post(
                        "/api/campaigns/" + other + "/agents/" + agent + "/login", "{\"userId\": \"bad@example.com\"}"),
                404,
                null);
        assertThat(events(other)).isEqualTo(before);
    }

    @Test
    void loginNeedsARunningOrStoppedCampaign() {
        long setup = api.post("/api/campaigns", "{\"name\": \"Not yet\"}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + setup).status() == 200);
        Response callback = api.post(
                "/api/campaigns/" + setup + "/agents/callback",
                "{\"userId\": \"early@example.com\", \"phoneNumber\": \"6465550101\"}");
        assertThat(callback.status()).isEqualTo(201);
        Response login = api.post(
                "/api/campaigns/" + setup + "/agents/"
                        + callback.json().get("agentId").asLong() + "/login",
                "{\"userId\": \"early@example.com\"}");
        assertRejected(login, 409, null);
        assertThat(login.json().get("currentStatus").asText()).isEqualTo("SETUP");
    }

    @Test
    void theLongPollAnswersNoContentWhenItsWaitRunsOut() {
        long agent = loggedIn("idle@example.com");
        Instant start = Instant.now();
        Response none = api.get(agents() + "/" + agent + "/connection?waitSeconds=1");
        Duration took = Duration.between(start, Instant.now());
        assertThat(none.status()).isEqualTo(204);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    }

    @Test
    void theLongPollReturnsAsSoonAsACallConnectsAndTheAgentAnswersForIt() throws Exception {
        long agent = loggedIn("busy@example.com");
        CompletableFuture<Response> poll =
                CompletableFuture.supplyAsync(() -> api.get(agents() + "/" + agent + "/connection?waitSeconds=30"));
        // The poll is waiting once the waiters gauge counts it.
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters() == 1);
        Instant connectedAt = Instant.now();
        commands.sendAndWait(new ConnectCallCommand(
                AgentSessionId.of(agent), "call-77", "+12125551000", Map.of("name", "Ann"), connectedAt));
        Response connection = poll.get(10, TimeUnit.SECONDS);
        assertThat(Duration.between(connectedAt, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(connection.status()).as(connection.toString()).isEqualTo(200);
        assertThat(waiters()).isZero();
        JsonNode call = connection.json();
        assertThat(call.get("callId").asText()).isEqualTo("call-77");
        assertThat(call.get("number").asText()).isEqualTo("+12125551000");
        assertThat(call.at("/extraData/name").asText()).isEqualTo("Ann");
        assertThat(call.get("script").asText()).isEqualTo("Hi {name}");
        assertThat(call.at("/questions/0/choices/1").asText()).isEqualTo("no");
        assertThat(call.at("/dispositionLists/0/dispositions/0").asText()).isEqualTo("sale");
        assertThat(call.at("/transferNumbers/0/number").asText()).isEqualTo("+12135550199");

        // Polling again before answering returns the same call at once.
        assertThat(api.get(agents() + "/" + agent + "/connection?waitSeconds=5")
                        .json()
                        .get("callId")
                        .asText())
                .isEqualTo("call-77");

        long beforeResponse = agentEvents(agent);
        assertRejected(
                api.post(
                        agents() + "/" + agent + "/responses",
                        "{\"callId\": \"call-77\", \"storedData\": " + "{\"willvote\": \"" + "y".repeat(1001) + "\"}}"),
                400,
                "storedData");
        assertRejected(
                api.post(agents() + "/" + agent + "/responses", "{\"callId\": \"call-77\", \"storedData\": [\"yes\"]}"),
                400,
                "storedData");
        assertThat(agentEvents(agent)).as("a refused response writes nothing").isEqualTo(beforeResponse);

        String response = "{\"callId\": \"call-77\", \"agentResponse\": \"sale\", \"agentNotes\": \"keen\", "
                + "\"answeringMachineTransfer\": true, \"storedData\": {\"willvote\": \"yes\", \"bigconcern\": \"economy\"}}";
        Response stored = api.post(agents() + "/" + agent + "/responses", response);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().get("state").asText()).isEqualTo("READY");
        String storedEvent = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE '%AgentResponseStoredEvent'",
                String.class, AgentSessionId.of(agent).toString());
        assertThat(storedEvent)
                .as("the answers in the agent's order")
                .contains("\"storedData\":{\"willvote\":\"yes\",\"bigconcern\":\"economy\"}");
        long after = agentEvents(agent);
        assertThat(api.post(agents() + "/" + agent + "/responses", response).status())
                .as("an exact retry")
                .isEqualTo(200);
        assertThat(agentEvents(agent)).isEqualTo(after);
        assertRejected(
                api.post(
                        agents() + "/" + agent + "/responses",
                        "{\"callId\": \"call-77\", \"agentResponse\": \"no sale\"}"),
                409,
                null);

        // The answering-machine transfer records AM for the call on the campaign.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry "
                                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%CallResultRecordedEvent'",
                                Long.class, "campaign-" + campaign)
                        == 1);
        String recorded = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE '%CallResultRecordedEvent'",
                String.class, "campaign-" + campaign);
        assertThat(recorded)
                .contains("\"result\":\"AM\"")
                .contains("\"callId\":\"call-77\"")
                .contains("\"agentSessionId\":" + agent);
    }

    @Test
    void kickHangsUpAndTheCallIsStillRecorded() {
        long agent = loggedIn("kicked@example.com");
        commands.sendAndWait(
                new ConnectCallCommand(AgentSessionId.of(agent), "call-88", "+12125551001", Map.of(), Instant.now()));
        Response kicked = api.post(agents() + "/" + agent + "/kick", null);
        assertThat(kicked.json().get("state").asText()).isEqualTo("LOGGED_OUT");
        assertRejected(api.get(agents() + "/" + agent + "/connection?waitSeconds=1"), 409, null);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry "
                                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%CallResultRecordedEvent'",
                                Long.class, "campaign-" + campaign)
                        == 1);
        JsonNode stats = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get(agents()).json(),
                        s -> s.size() == 1
                                && "LOGGED_OUT".equals(s.get(0).get("state").asText()));
        assertThat(stats.get(0).get("calls").asInt()).isEqualTo(1);
    }

    @Test
    void anExternalDialerReportsCallsUntilTheCampaignFinishes() {
        String calls = "/api/campaigns/" + campaign + "/calls";
        assertRejected(api.post(calls, "{\"number\": \"3105550100\", \"result\": \"BUSY\"}"), 400, "number");
        assertRejected(api.post(calls, "{\"number\": \"2125551000\", \"result\": \"MAYBE\"}"), 400, "result");
        assertRejected(api.post(calls, "{\"number\": \"2125551000\"}"), 400, "result");
        assertRejected(api.post(calls, "{\"number\": \"555\", \"result\": \"LA\"}"), 400, "number");
        assertRejected(
                api.post("/api/campaigns/987654321/calls", "{\"number\": \"2125551000\", \"result\": \"LA\"}"),
                404,
                null);
        control(campaign, "STOP");
        assertRejected(api.post(calls, "{\"number\": \"2125551000\", \"result\": \"LA\"}"), 409, null);
        control(campaign, "START");
        Response busy = api.post(
                calls,
                "{\"number\": \"212-555-1000\", \"result\": \"LA\", \"durationSeconds\": 35, \"callId\": \"ext-1\"}");
        assertThat(busy.status()).as(busy.toString()).isEqualTo(200);
        assertThat(busy.json().get("finalForNumber").asBoolean()).isTrue();
        assertThat(busy.json().get("campaignFinished").asBoolean()).isFalse();
        assertRejected(api.post(calls, "{\"number\": \"2125551000\", \"result\": \"BUSY\"}"), 409, null);
        Response last = api.post(calls, "{\"number\": \"2125551001\", \"result\": \"NO_ANS\", \"attempt\": 1}");
        assertThat(last.json().get("campaignFinished").asBoolean()).isTrue();
        assertThat(last.json().get("callId").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "FINISHED"
                        .equals(api.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));
        assertRejected(api.post(calls, "{\"number\": \"2125551001\", \"result\": \"LA\"}"), 409, null);
    }

    @Test
    void anExternalDialerConnectsALiveCallToAReadyAgentWhoseResponseRecordsIt() throws Exception {
        long agent = loggedIn("live@example.com");
        String connection = agents() + "/" + agent + "/connection";
        // The call list knows the campaign's numbers a moment after they are added.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM dialer_number WHERE campaign_id = ?", Long.class, campaign)
                        == 2);
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() -> api.get(connection + "?waitSeconds=30"));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters() == 1);

        long before = events(campaign);
        assertRejected(api.post(connection, "{\"number\": \"3105550100\"}"), 400, "number");
        assertRejected(api.post(connection, "{\"number\": \"555\"}"), 400, "number");
        assertRejected(api.post(connection, "{}"), 400, "number");
        assertRejected(api.post(connection, "{\"number\": \"2125551000\", \"callId\": \"\"}"), 400, "callId");
        assertRejected(api.post(agents() + "/999999/connection", "{\"number\": \"2125551000\"}"), 404, null);
        assertThat(events(campaign)).as("refused connections write nothing").isEqualTo(before);

        Response connected = api.post(connection, "{\"number\": \"(212) 555-1000\", \"callId\": \"sip-41\"}");
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.json().get("state").asText()).isEqualTo("ON_CALL");
        assertThat(connected.json().get("callId").asText()).isEqualTo("sip-41");
        assertThat(connected.json().get("number").asText()).isEqualTo("+12125551000");
        Response call = poll.get(10, TimeUnit.SECONDS);
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        assertThat(call.json().get("callId").asText()).isEqualTo("sip-41");
        assertThat(call.json().at("/extraData/name").asText())
                .as("the number's extra data from the list")
                .isEqualTo("Ann");

        long afterConnect = agentEvents(agent);
        assertThat(api.post(connection, "{\"number\": \"2125551000\", \"callId\": \"sip-41\"}")
                        .status())
                .as("the dialer's retry of the same connection")
                .isEqualTo(200);
        assertThat(agentEvents(agent)).isEqualTo(afterConnect);
        assertRejected(api.post(connection, "{\"number\": \"2125551001\"}"), 409, null);

        assertRejected(api.delete(connection + "?callId=sip-40"), 409, null);
        assertRejected(api.delete(connection), 400, "callId");
        Response hungUp = api.send("DELETE", connection + "?callId=sip-41", null, Map.of("Idempotency-Key", "hang-up"));
        assertThat(hungUp.status()).as(hungUp.toString()).isEqualTo(200);
        assertThat(hungUp.json().get("state").asText()).isEqualTo("WRAP_UP");
        // The key stands for the whole request, its query string included: another call id is another request.
        assertRejected(
                api.send("DELETE", connection + "?callId=sip-40", null, Map.of("Idempotency-Key", "hang-up")),
                422,
                null);
        Response stored = api.post(
                agents() + "/" + agent + "/responses", "{\"callId\": \"sip-41\", \"agentResponse\": \"sale\"}");
        assertThat(stored.json().get("state").asText()).isEqualTo("READY");

        // The response records the live answer on the campaign, with the agent; the number is done afterwards.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry "
                                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%CallResultRecordedEvent'",
                                Long.class, "campaign-" + campaign)
                        == 1);
        String recorded = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE '%CallResultRecordedEvent'",
                String.class, "campaign-" + campaign);
        assertThat(recorded)
                .contains("\"result\":\"LA\"")
                .contains("\"callId\":\"sip-41\"")
                .contains("\"agentSessionId\":" + agent);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT done FROM dialer_number WHERE campaign_id = ? AND number = ?",
                        Boolean.class,
                        campaign,
                        "+12125551000")));
        assertRejected(api.post(connection, "{\"number\": \"2125551000\"}"), 400, "number");

        // A connection needs a RUNNING campaign.
        control(campaign, "STOP");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "STOPPED"
                        .equals(api.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));
        assertRejected(api.post(connection, "{\"number\": \"2125551001\"}"), 409, null);
    }

    @Test
    void aResponseForANumberThatGotItsFinalResultMeanwhileDoesNotHoldUpTheCallsAfterIt() {
        long agent = loggedIn("late@example.com");
        String connection = agents() + "/" + agent + "/connection";
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM dialer_number WHERE campaign_id = ?", Long.class, campaign)
                        == 2);
        assertThat(api.post(connection, "{\"number\": \"2125551000\", \"callId\": \"sip-1\"}")
                        .status())
                .isEqualTo(200);
        // The dialer reports the same number's final result on another call while the agent is still on this one.
        Response dialed = api.post(
                "/api/campaigns/" + campaign + "/calls",
                "{\"number\": \"2125551000\", \"result\": \"LA\", \"callId\": \"sip-0\"}");
        assertThat(dialed.json().get("finalForNumber").asBoolean())
                .as(dialed.toString())
                .isTrue();
        assertThat(api.post(
                                agents() + "/" + agent + "/responses",
                                "{\"callId\": \"sip-1\", \"agentResponse\": \"sale\"}")
                        .status())
                .as("the agent's response is stored")
                .isEqualTo(200);

        // The campaign refuses the late result; the outcome recorder moves on, and the next call finishes the campaign.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM dialer_number WHERE campaign_id = ? AND done = FALSE",
                                Long.class,
                                campaign)
                        == 1);
        assertThat(api.post(connection, "{\"number\": \"2125551001\", \"callId\": \"sip-2\"}")
                        .status())
                .isEqualTo(200);
        api.post(agents() + "/" + agent + "/responses", "{\"callId\": \"sip-2\", \"agentResponse\": \"no sale\"}");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "FINISHED"
                        .equals(api.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));
        String results = String.join(
                ",",
                jdbc.queryForList(
                        "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "AND payload_type LIKE '%CallResultRecordedEvent' ORDER BY sequence_number",
                        String.class, "campaign-" + campaign));
        assertThat(results)
                .contains("\"callId\":\"sip-0\"")
                .contains("\"callId\":\"sip-2\"")
                .doesNotContain("\"callId\":\"sip-1\"");
    }

    @Test
    void aConnectionWaitsForTheCallListToShowANumberAddedAMomentBefore() throws Exception {
        long agent = loggedIn("quick@example.com");
        EventProcessor callList = processing
                .eventProcessor(CallListProjection.PROCESSING_GROUP, EventProcessor.class)
                .orElseThrow();
        callList.shutDown();
        try {
            Response added = api.post(
                    "/api/campaigns/" + campaign + "/numbers",
                    "[{\"number\": \"2125551002\", \"extraData\": {\"name\": \"Cy\"}}]");
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            // The call list follows again a moment after the connection is asked for.
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(callList::start);
            Response connected = api.post(agents() + "/" + agent + "/connection", "{\"number\": \"2125551002\"}");
            assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
            assertThat(api.get(agents() + "/" + agent + "/connection?waitSeconds=0")
                            .json()
                            .at("/extraData/name")
                            .asText())
                    .isEqualTo("Cy");
        } finally {
            callList.start();
        }
    }

    @Test
    void anAgentCallsBackAndLogsInRightAfterTheCampaignIsCreatedAndStarted() {
        // A back office does not wait for the read model between acknowledged commands: while the campaign view has
        // not seen the new campaign (a 404), the agent endpoints wait for it; its START counts from the store.
        EventProcessor view = processing
                .eventProcessor(CampaignViewProjection.PROCESSING_GROUP, EventProcessor.class)
                .orElseThrow();
        view.shutDown();
        try {
            Response created = api.post(
                    "/api/campaigns",
                    "{\"name\": \"No waiting\", \"fromNumber\": \"2135550100\", "
                            + "\"numbers\": [{\"number\": \"2125551000\"}]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            campaign = created.json().get("id").asLong();
            assertThat(control(campaign, "START")).isEqualTo(200);
            // The view follows again a moment after the agent's requests.
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(view::start);
            loggedIn("prompt@example.com");
        } finally {
            view.start();
        }
    }

    @Test
    void aLoginIsJudgedOnTheStatusInTheStoreWhileTheCampaignViewStillShowsAnOlderOne() {
        // The campaign view held back for the whole request: the login does not wait for it, and a refusal names
        // the status the campaign's events give, not the view's.
        long stopped = api.post(
                        "/api/campaigns",
                        "{\"name\": \"Held back\", \"fromNumber\": \"2135550100\", "
                                + "\"numbers\": [{\"number\": \"2125551000\"}]}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + stopped).status() == 200);
        EventProcessor view = processing
                .eventProcessor(CampaignViewProjection.PROCESSING_GROUP, EventProcessor.class)
                .orElseThrow();
        view.shutDown();
        try {
            assertThat(control(campaign, "STOP")).isEqualTo(200);
            assertThat(control(stopped, "START")).isEqualTo(200);
            campaign = stopped;
            long started = System.nanoTime();
            long agent = loggedIn("held-back@example.com");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("judged without waiting for the view (ledger.read-models.request-wait is 10 s here)")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(api.get("/api/campaigns/" + stopped)
                            .json()
                            .path("status")
                            .asText())
                    .as("the view still lags")
                    .isEqualTo("SETUP");

            control(stopped, "STOP");
            control(stopped, "ARCHIVE");
            Response refused = api.post(agents() + "/" + agent + "/login", "{\"userId\": \"held-back@example.com\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().path("currentStatus").asText()).isEqualTo("ARCHIVED");
        } finally {
            view.start();
        }
    }

    @Test
    void aResponseIsRecordedEvenBeforeTheCallListHasSeenTheCampaignStart() {
        // The call list is another processor's read model: under load it may still show the campaign in SETUP when
        // an agent answers its first call. The campaign, not that view, decides whether it takes the result.
        campaign = api.post(
                        "/api/campaigns",
                        "{\"name\": \"Early answer\", \"fromNumber\": \"2135550100\", "
                                + "\"numbers\": [{\"number\": \"2125551000\"}]}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM dialer_number WHERE campaign_id = ?", Long.class, campaign)
                        == 1);
        EventProcessor callList = processing
                .eventProcessor(CallListProjection.PROCESSING_GROUP, EventProcessor.class)
                .orElseThrow();
        callList.shutDown();
        try {
            control(campaign, "START");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> "RUNNING"
                            .equals(api.get("/api/campaigns/" + campaign)
                                    .json()
                                    .path("status")
                                    .asText()));
            long agent = loggedIn("early@example.com");
            Response connected = api.post(
                    agents() + "/" + agent + "/connection", "{\"number\": \"2125551000\", \"callId\": \"sip-7\"}");
            assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
            assertThat(api.post(
                                    agents() + "/" + agent + "/responses",
                                    "{\"callId\": \"sip-7\", \"agentResponse\": \"sale\"}")
                            .status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> callsRecorded(campaign) == 1);
            assertThat(jdbc.queryForObject(
                            "SELECT status FROM dialer_campaign WHERE campaign_id = ?", String.class, campaign))
                    .as("the call list still lags")
                    .isEqualTo("SETUP");
        } finally {
            callList.start();
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "FINISHED"
                        .equals(api.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));
    }

    @Test
    void aResponseOnADeletedCampaignIsNotRecordedAndDoesNotHoldUpOtherCampaigns() throws Exception {
        long deleted = campaign;
        long agent = loggedIn("gone@example.com");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM dialer_number WHERE campaign_id = ?", Long.class, deleted)
                        == 2);
        assertThat(api.post(
                                agents() + "/" + agent + "/connection",
                                "{\"number\": \"2125551000\", \"callId\": \"sip-8\"}")
                        .status())
                .isEqualTo(200);
        // Stopped and deleted while the agent is still on the call.
        control(deleted, "STOP");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "STOPPED"
                        .equals(api.get("/api/campaigns/" + deleted)
                                .json()
                                .path("status")
                                .asText()));
        assertThat(api.delete("/api/campaigns/" + deleted).status()).isEqualTo(204);
        assertThat(api.post(
                                agents() + "/" + agent + "/responses",
                                "{\"callId\": \"sip-8\", \"agentResponse\": \"sale\"}")
                        .status())
                .as("the agent's response is stored on the session")
                .isEqualTo(200);

        // The next campaign's answered call is recorded: the refused one did not stop the processor.
        runningCampaign();
        long next = loggedIn("next@example.com");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM dialer_number WHERE campaign_id = ?", Long.class, campaign)
                        == 2);
        assertThat(api.post(
                                agents() + "/" + next + "/connection",
                                "{\"number\": \"2125551000\", \"callId\": \"sip-9\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                agents() + "/" + next + "/responses",
                                "{\"callId\": \"sip-9\", \"agentResponse\": \"sale\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> callsRecorded(campaign) == 1);
        assertThat(callsRecorded(deleted)).isZero();
    }

    @Test
    void aCallbackThatSlipsInRightAfterTheCampaignFinishedIsEnded() {
        // The callback's status check reads the campaign view: held back, it still shows RUNNING after the finish.
        EventProcessor view = processing
                .eventProcessor(CampaignViewProjection.PROCESSING_GROUP, EventProcessor.class)
                .orElseThrow();
        view.shutDown();
        long agent;
        try {
            String calls = "/api/campaigns/" + campaign + "/calls";
            assertThat(api.post(calls, "{\"number\": \"2125551000\", \"result\": \"LA\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.post(calls, "{\"number\": \"2125551001\", \"result\": \"LA\"}")
                            .json()
                            .get("campaignFinished")
                            .asBoolean())
                    .isTrue();
            // The campaign's agents were closed before this one called back: there were none.
            catchUp.await(AgentCallOutcomeRecorder.PROCESSING_GROUP, Duration.ofSeconds(10));
            agent = callback("late-caller@example.com");
        } finally {
            view.start();
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM agent_session_open WHERE session_id = ?", Long.class, agent)
                        == 0);
        assertThat(jdbc.queryForObject(
                        "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "AND payload_type LIKE '%AgentLoggedOutEvent'",
                        String.class, AgentSessionId.of(agent).toString()))
                .contains("CAMPAIGN_FINISHED");
    }

    private long callsRecorded(long campaignId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE '%CallResultRecordedEvent'",
                Long.class, "campaign-" + campaignId);
    }

    private double waiters() {
        return meters.get("ledger.agents.connection.waiters").gauge().value();
    }

    private static void assertRejected(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field"))
                    .as(response.toString())
                    .contains(field);
        }
    }
}
