package com.campaignledger.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.ConnectCallCommand;
import com.campaignledger.agent.session.api.EndCallCommand;
import com.campaignledger.agent.session.api.LoginAgentCommand;
import com.campaignledger.agent.session.api.LogoutAgentCommand;
import com.campaignledger.agent.session.api.StoreAgentResponseCommand;
import com.campaignledger.projections.compliance.ComplianceQueries;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The read side's reports over HTTP, on every database (see the subclasses): live stats, seed 001's
 * campaign-finished summary (JSON and XML), seed 003's Agent Session Statistics (JSON and CSV) and the session
 * queries, for a campaign driven through the external dialer's intake and the agent loop.
 */
abstract class CampaignReportsContract {

    /** Seed 001's sample, verbatim: ours must have its elements, nesting, order and kinds of value. */
    static final String SEED_001_CAMPAIGN_FINISHED = """
            <?xml version="1.0" encoding="UTF-8"?> <campaign-finished> <campaign> <id>22222</id> <name>My Campaign Name</name> \
            <status>finished</status> <cost>$2.25</cost> <campaign-stats> <total>100</total> <dialed>100</dialed> \
            <live>48</live> <machine>24</machine> <noanswer>12</noanswer> <dnc>0</dnc> <busy>6</busy> <transfer>10</transfer> \
            <error>0</error> <misc>0</misc> </campaign-stats> </campaign> </campaign-finished>""";

    static final String SEED_003_COLUMNS = "ID,Campaign ID,Phone Number,User ID,Logged In,Logged Out,Calls,Duration,"
            + "Calls (Sec),Avg Call (Sec),Resp. Time,%Response";

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern MONEY = Pattern.compile("\\$\\d+\\.\\d{2}");

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    ComplianceQueries compliance;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** A RUNNING campaign with these numbers; BUSY is retried once. */
    private long runningCampaign(String name, String... numbers) {
        StringBuilder list = new StringBuilder();
        for (String n : numbers) {
            list.append(list.isEmpty() ? "" : ",")
                    .append("{\"number\": \"")
                    .append(n)
                    .append("\"}");
        }
        Response created = api.post("/api/campaigns", """
                {"name": "%s", "fromNumber": "2135550100",
                 "retryConfig": {"maxAttempts": 2, "minutesBetweenAttempts": 1, "retryResults": ["BUSY"]},
                 "numbers": [%s]}""".formatted(name, list));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + id).status() == 200);
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "RUNNING"
                        .equals(api.get("/api/campaigns/" + id)
                                .json()
                                .path("status")
                                .asText()));
        return id;
    }

    private void call(long campaign, String number, String result, int seconds) {
        Response r = api.post(
                "/api/campaigns/" + campaign + "/calls",
                "{\"number\": \"%s\", \"result\": \"%s\", \"durationSeconds\": %d}".formatted(number, result, seconds));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private JsonNode statsOnce(long campaign, long attempts) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/campaigns/" + campaign + "/stats"),
                        r -> r.status() == 200 && r.json().get("attempts").asLong() == attempts)
                .json();
    }

    @Test
    void statsCountNumbersUnderTheirLatestResultAndAddUp() {
        long id = runningCampaign("Stats", "2125550001", "2125550002", "2125550003", "2125550004", "2125550005");
        call(id, "2125550001", "BUSY", 0);
        call(id, "2125550001", "LA", 61);
        call(id, "2125550002", "AM", 20);
        call(id, "2125550003", "NO_ANS", 0);
        call(id, "2125550004", "CARRIER_ERROR", 0);

        JsonNode stats = statsOnce(id, 5);
        assertThat(stats.get("campaignId").asLong()).isEqualTo(id);
        assertThat(stats.get("total").asLong()).isEqualTo(5);
        assertThat(stats.get("dialed").asLong()).isEqualTo(4);
        List<String> counters = List.of("live", "machine", "noanswer", "dnc", "busy", "transfer", "error", "misc");
        assertThat(counters.stream().map(c -> stats.get(c).asLong()).toList())
                .containsExactly(1L, 1L, 1L, 0L, 0L, 0L, 1L, 0L);
        assertThat(counters.stream().mapToLong(c -> stats.get(c).asLong()).sum())
                .isEqualTo(stats.get("dialed").asLong());
        assertThat(stats.at("/agents/loggedIn").asLong()).isZero();

        // Summary, while it runs: 61 s and 20 s bill 2 + 1 minutes at the default $0.05 a minute.
        JsonNode summary = api.get("/api/campaigns/" + id + "/summary").json().get("campaign");
        assertThat(summary.get("id").asLong()).isEqualTo(id);
        assertThat(summary.get("name").asText()).isEqualTo("Stats");
        assertThat(summary.get("status").asText()).isEqualTo("running");
        assertThat(summary.get("cost").asText()).isEqualTo("$0.15");
        assertThat(summary.at("/campaign-stats/dialed").asLong()).isEqualTo(4);
        assertThat(summary.at("/campaign-stats/error").asLong()).isEqualTo(1);

        call(id, "2125550005", "DNC", 0);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "FINISHED"
                        .equals(api.get("/api/campaigns/" + id)
                                .json()
                                .path("status")
                                .asText()));
        statsOnce(id, 6);

        Response json =
                api.send("GET", "/api/campaigns/" + id + "/summary", null, Map.of("Accept", "application/json"));
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json().at("/campaign/status").asText()).isEqualTo("finished");
        assertThat(json.json().at("/campaign/campaign-stats/dnc").asLong()).isEqualTo(1);
        assertThat(json.json().at("/campaign/campaign-stats/dialed").asLong()).isEqualTo(5);
        assertThat(json.json().at("/campaign/campaign-stats/total").asLong()).isEqualTo(5);

        Response xml = api.send("GET", "/api/campaigns/" + id + "/summary", null, Map.of("Accept", "application/xml"));
        assertThat(xml.status()).as(xml.toString()).isEqualTo(200);
        assertThat(xml.header("Content-Type")).startsWith("application/xml");
        Element ours = parse(xml.body());
        assertThat(shape(ours)).isEqualTo(shape(parse(SEED_001_CAMPAIGN_FINISHED)));
        assertThat(text(ours, "campaign/id")).isEqualTo(String.valueOf(id));
        assertThat(text(ours, "campaign/status")).isEqualTo("finished");
        assertThat(text(ours, "campaign/cost")).isEqualTo("$0.15");
        assertThat(text(ours, "campaign/campaign-stats/live")).isEqualTo("1");
        assertThat(text(ours, "campaign/campaign-stats/dnc")).isEqualTo("1");
    }

    private void callAt(long campaign, String number, String result, Instant start) {
        Response r = api.post(
                "/api/campaigns/" + campaign + "/calls",
                "{\"number\": \"%s\", \"result\": \"%s\", \"startTime\": \"%s\"}".formatted(number, result, start));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /**
     * SPEC 3.7: drops (SD with the safe-harbor message, ABANDONED without) against live answers, per UTC day and over
     * the 30 days ending with it; in the stats under abandoned (and the rolling dropRate), under misc in seed 001's.
     */
    @Test
    void theComplianceRecordCountsDropsAgainstLiveAnswers() {
        long id = runningCampaign(
                "Compliance",
                "2125550301",
                "2125550302",
                "2125550303",
                "2125550304",
                "2125550305",
                "2125550306",
                "2125550307");
        Instant now = Instant.now();
        Instant yesterday = now.minus(1, ChronoUnit.DAYS);
        Instant longAgo = now.minus(40, ChronoUnit.DAYS);
        // The oldest first: the processor applies the calls in order, and the record is awaited by the newest.
        callAt(id, "2125550307", "ABANDONED", longAgo);
        callAt(id, "2125550301", "LA", yesterday);
        callAt(id, "2125550302", "LA", yesterday);
        callAt(id, "2125550303", "LA", yesterday);
        callAt(id, "2125550304", "SD", yesterday);
        callAt(id, "2125550305", "LA", now.minusSeconds(5));
        callAt(id, "2125550306", "ABANDONED", now.minusSeconds(5));

        String path = "/api/campaigns/" + id + "/compliance";
        JsonNode record = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get(path).json(),
                        r -> r.at("/rolling30Days/drops").asLong() == 2);
        JsonNode rolling = record.get("rolling30Days");
        assertThat(rolling.get("liveAnswers").asLong()).isEqualTo(4);
        assertThat(rolling.get("dropsWithSafeHarborMessage").asLong()).isEqualTo(1);
        assertThat(rolling.get("dropsWithoutMessage").asLong()).isEqualTo(1);
        assertThat(rolling.get("dropRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(rolling.get("withinLimit").asBoolean()).isFalse();
        assertThat(record.get("limit").decimalValue()).isEqualByComparingTo("0.03");
        JsonNode daily = record.get("daily");
        assertThat(daily).hasSize(30);
        JsonNode dayBefore = daily.get(28);
        assertThat(dayBefore.get("day").asText())
                .isEqualTo(
                        yesterday.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        assertThat(dayBefore.get("liveAnswers").asLong()).isEqualTo(3);
        assertThat(dayBefore.get("dropRate").decimalValue()).isEqualByComparingTo("0.25");
        JsonNode today = daily.get(29);
        assertThat(today.get("dropRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(today.get("rolling30DayDropRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(daily.get(0).get("dropRate").isNull())
                .as("a day without calls")
                .isTrue();

        // What a pacer started again recalls: the same days, from the same record.
        ComplianceQueries.PacingRecall recall = compliance
                .pacingRecall(id, now.atZone(java.time.ZoneOffset.UTC).toLocalDate())
                .orElseThrow();
        assertThat(recall.days())
                .extracting(d -> d.connected() + "/" + (d.droppedWithMessage() + d.droppedWithoutMessage()))
                .containsExactly("3/1", "1/1");
        assertThat(recall.figures().month().liveAnswers()).isEqualTo(4);
        assertThat(recall.figures().month().drops()).isEqualTo(2);
        assertThat(compliance.pacingRecall(987654321L, java.time.LocalDate.now()))
                .isEmpty();

        JsonNode longer = api.get(path + "?from="
                        + longAgo.atZone(java.time.ZoneOffset.UTC).toLocalDate())
                .json();
        assertThat(longer.get("daily")).hasSize(41);
        assertThat(longer.at("/daily/0/dropsWithoutMessage").asLong()).isEqualTo(1);
        assertThat(longer.at("/daily/0/dropRate").decimalValue()).isEqualByComparingTo("1");

        Response csv = api.send("GET", path, null, Map.of("Accept", "text/csv"));
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"campaign-" + id + "-compliance.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("day,liveAnswers,drops,dropsWithSafeHarborMessage,dropsWithoutMessage,dropRate,"
                        + "rolling30DayDropRate,withinLimit,dncViolations,callingWindowViolations");
        assertThat(lines).hasSize(31);

        JsonNode account = api.get("/api/compliance").json();
        JsonNode mine = java.util.stream.StreamSupport.stream(
                        account.get("campaigns").spliterator(), false)
                .filter(c -> c.get("campaignId").asLong() == id)
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("name").asText()).isEqualTo("Compliance");
        assertThat(mine.get("liveAnswers").asLong()).isEqualTo(4);
        assertThat(mine.get("drops").asLong()).isEqualTo(2);
        assertThat(api.get("/api/compliance?from=2026-12-08&to=2026-12-01")
                        .json()
                        .path("errors")
                        .findValuesAsText("field"))
                .containsExactly("from");
        assertThat(api.get("/api/compliance?from=2020-01-01&to=2026-12-01").status())
                .isEqualTo(400);

        JsonNode stats = statsOnce(id, 7);
        assertThat(stats.get("abandoned").asLong()).isEqualTo(3);
        assertThat(stats.get("misc").asLong()).isZero();
        List<String> counters =
                List.of("live", "machine", "noanswer", "dnc", "busy", "transfer", "error", "misc", "abandoned");
        assertThat(counters.stream().mapToLong(c -> stats.get(c).asLong()).sum())
                .isEqualTo(stats.get("dialed").asLong());
        assertThat(stats.get("dropRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(api.get("/api/campaigns/" + id + "/summary")
                        .json()
                        .at("/campaign/campaign-stats/misc")
                        .asLong())
                .as("seed 001 has no abandoned")
                .isEqualTo(3);
    }

    /** SPEC 3.7: ADAPTIVE pacing's settings, and what an external dialer is told to dial. */
    @Test
    void pacingTellsTheExternalDialerWhatToDialNow() {
        Response bad = api.post(
                "/api/campaigns",
                "{\"name\": \"Too bold\", \"pacing\": \"ADAPTIVE\", \"targetDropRate\": 0.05, \"maxRatio\": 5}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field")).contains("targetDropRate", "maxRatio");
        long id = runningCampaign("Paced", "2125550401", "2125550402");
        Response patched = api.patch(
                "/api/campaigns/" + id,
                "{\"pacing\": \"ADAPTIVE\", \"targetDropRate\": 0.02, \"maxRatio\": 3}",
                Map.of());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode campaign = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/campaigns/" + id).json(),
                        c -> c.path("pacing").asText().equals("ADAPTIVE"));
        assertThat(campaign.get("targetDropRate").asDouble()).isEqualTo(0.02);
        assertThat(campaign.get("maxRatio").asDouble()).isEqualTo(3.0);

        String agents = "/api/campaigns/" + id + "/agents";
        long agent = api.post(
                        agents + "/callback", "{\"userId\": \"pacer@example.com\", \"phoneNumber\": \"6465550199\"}")
                .json()
                .get("agentId")
                .asLong();
        assertThat(api.post(agents + "/" + agent + "/login", "{\"userId\": \"pacer@example.com\"}")
                        .status())
                .isEqualTo(200);
        JsonNode pacing = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/campaigns/" + id + "/pacing").json(),
                        p -> p.at("/advice/readyAgents").asInt() == 1
                                && p.at("/advice/pacing").asText().equals("ADAPTIVE"));
        JsonNode advice = pacing.get("advice");
        assertThat(advice.get("targetDropRate").asDouble()).isEqualTo(0.02);
        assertThat(advice.get("maxRatio").asDouble()).isEqualTo(3.0);
        // No live answer yet: no drop in the budget, so a line for the ready agent and no more.
        assertThat(advice.get("dropsLeft").asLong()).isZero();
        assertThat(advice.get("lines").asInt()).isEqualTo(1);
        assertThat(advice.at("/estimates/answerRate").asDouble()).isEqualTo(0.2);
        assertThat(pacing.at("/rolling30Days/liveAnswers").asLong()).isZero();
        assertThat(advice.at("/estimates/secondsToAnswer").asDouble()).isEqualTo(12.0);
        // The dialer's own time to a live answer, when it says it.
        assertThat(api.get("/api/campaigns/" + id + "/pacing?secondsToAnswer=30")
                        .json()
                        .at("/advice/estimates/secondsToAnswer")
                        .asDouble())
                .isEqualTo(30.0);
        Response tooLong = api.get("/api/campaigns/" + id + "/pacing?secondsToAnswer=600");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").findValuesAsText("field")).containsExactly("secondsToAnswer");
        assertThat(api.get("/api/campaigns/987654321/pacing").status()).isEqualTo(404);
    }

    @Test
    void agentSessionStatisticsHaveSeed003sColumnsInJsonAndCsv() {
        long id = runningCampaign("Agents", "2125550011", "2125550012");
        Response callback = api.post(
                "/api/campaigns/" + id + "/agents/callback",
                "{\"userId\": \"ann@example.com\", \"phoneNumber\": \"6465550101\"}");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        AgentSessionId ann = AgentSessionId.of(callback.json().get("agentId").asLong());
        // Timed steps go through the same commands the agent endpoints send, with instants chosen so every column
        // has a known value: logged in 150 s, one 60 s call answered for in 10 s.
        Instant t0 = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
        commands.sendAndWait(new LoginAgentCommand(ann, id, "ann@example.com", t0));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> statsOf(id).at("/agents/ready").asLong() == 1);
        assertThat(statsOf(id).at("/agents/loggedIn").asLong()).isEqualTo(1);
        commands.sendAndWait(new ConnectCallCommand(ann, "call-1", "+12125550011", Map.of(), t0.plusSeconds(10)));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> statsOf(id).at("/agents/onCall").asLong() == 1);
        commands.sendAndWait(new EndCallCommand(ann, "call-1", t0.plusSeconds(70)));
        commands.sendAndWait(
                new StoreAgentResponseCommand(ann, "call-1", "sale", "keen", false, false, t0.plusSeconds(80)));
        commands.sendAndWait(new LogoutAgentCommand(ann, t0.plusSeconds(150)));
        // The agent's call is recorded on the campaign as a live answer of 60 s.
        JsonNode stats = statsOnce(id, 1);
        assertThat(stats.get("live").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> statsOf(id).at("/agents/loggedIn").asLong() == 0);

        JsonNode sessions = api.get("/api/campaigns/" + id + "/agent-sessions").json();
        assertThat(sessions).hasSize(1);
        JsonNode row = sessions.get(0);
        assertThat(row.get("id").asLong()).isEqualTo(ann.value());
        assertThat(row.get("campaignId").asLong()).isEqualTo(id);
        assertThat(row.get("phoneNumber").asText()).isEqualTo("+16465550101");
        assertThat(row.get("userId").asText()).isEqualTo("ann@example.com");
        assertThat(Instant.parse(row.get("loggedIn").asText())).isEqualTo(t0);
        assertThat(Instant.parse(row.get("loggedOut").asText())).isEqualTo(t0.plusSeconds(150));
        assertThat(row.get("calls").asInt()).isEqualTo(1);
        assertThat(row.get("duration").asLong()).isEqualTo(150);
        assertThat(row.get("callsSeconds").asLong()).isEqualTo(60);
        assertThat(row.get("avgCallSeconds").asDouble()).isEqualTo(60.0);
        assertThat(row.get("responseTime").asLong()).isEqualTo(10);
        assertThat(row.get("responsePercent").asDouble()).isEqualTo(6.67);
        assertThat(api.get("/api/campaigns/" + id + "/agents").json())
                .as("getAgentStats")
                .isEqualTo(sessions);

        Response csv = api.send("GET", "/api/campaigns/" + id + "/agent-sessions", null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(SEED_003_COLUMNS);
        assertThat(lines.get(1))
                .isEqualTo(String.join(
                        ",",
                        String.valueOf(ann.value()),
                        String.valueOf(id),
                        "+16465550101",
                        "ann@example.com",
                        t0.toString(),
                        t0.plusSeconds(150).toString(),
                        "1",
                        "150",
                        "60",
                        "60.0",
                        "10",
                        "6.67"));

        // QueryAgentSessions and GetAgentSession: the same columns.
        JsonNode page = api.get("/api/agent-sessions?campaignId=" + id + "&userId=ann@example.com&page=0&size=5")
                .json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("content").get(0)).isEqualTo(row);
        assertThat(api.get("/api/agent-sessions?campaignId=" + id + "&userId=bob@example.com")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/agent-sessions?campaignId=" + id + "&from=" + t0.plusSeconds(151))
                        .json()
                        .get("totalElements")
                        .asLong())
                .as("logged out before from")
                .isZero();
        assertThat(api.get("/api/agent-sessions?campaignId=" + id + "&from=" + t0.plusSeconds(100) + "&to="
                                + Instant.now())
                        .json()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/agent-sessions/" + ann.value()).json()).isEqualTo(row);

        // agentId=: the sessions of a registry agent, by its userId compared without case; paging as for the others.
        long registered = registryAgent("ANN@example.com");
        JsonNode byAgent = api.get("/api/agent-sessions?campaignId=" + id + "&agentId=" + registered + "&page=0&size=5")
                .json();
        assertThat(byAgent.get("totalElements").asLong()).isEqualTo(1);
        assertThat(byAgent.get("content").get(0)).isEqualTo(row);
        JsonNode secondPage = api.get(
                        "/api/agent-sessions?campaignId=" + id + "&agentId=" + registered + "&page=1&size=1")
                .json();
        assertThat(secondPage.get("totalElements").asLong()).isEqualTo(1);
        assertThat(secondPage.get("totalPages").asLong()).isEqualTo(1);
        assertThat(secondPage.get("content")).isEmpty();
        long someoneElse = registryAgent("nobody-" + id + "@example.com");
        assertThat(api.get("/api/agent-sessions?campaignId=" + id + "&agentId=" + someoneElse)
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
        Response unknown = api.get("/api/agent-sessions?campaignId=" + id + "&agentId=987654321");
        assertThat(unknown.status())
                .as("an unknown agent, like an unknown campaign, is an empty page")
                .isEqualTo(200);
        assertThat(unknown.json().get("totalElements").asLong()).isZero();
        assertThat(api.get("/api/agent-sessions?agentId=soon").status()).isEqualTo(400);
        Response one = api.send("GET", "/api/agent-sessions/" + ann.value(), null, Map.of("Accept", "text/csv"));
        assertThat(one.body().lines().toList()).containsExactly(lines.get(0), lines.get(1));
        Response emptyCsv = api.send(
                "GET", "/api/agent-sessions?campaignId=" + id + "&userId=nobody", null, Map.of("Accept", "text/csv"));
        assertThat(emptyCsv.body().lines().toList())
                .as("the header even without rows")
                .containsExactly(SEED_003_COLUMNS);
    }

    /** The registry agent holding this userId (compared without case), registered unless a run before did. */
    private long registryAgent(String userId) {
        Response created = api.post("/api/agents", "{\"name\": \"Agent\", \"userId\": \"" + userId + "\"}");
        if (created.status() == 409) {
            return api.get("/api/agents?userId=" + userId)
                    .json()
                    .at("/content/0/id")
                    .asLong();
        }
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void historyAndDispositionsAnswerTheSameRowsInJsonAndCsv() {
        long id = runningCampaign("Exports", "2125550031", "2125550032");
        call(id, "2125550031", "BUSY", 0);
        call(id, "2125550032", "LA", 42);
        Response callback = api.post(
                "/api/campaigns/" + id + "/agents/callback",
                "{\"userId\": \"cy@example.com\", \"phoneNumber\": \"6465550103\"}");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        AgentSessionId cy = AgentSessionId.of(callback.json().get("agentId").asLong());
        Instant t0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        commands.sendAndWait(new LoginAgentCommand(cy, id, "cy@example.com", t0));
        commands.sendAndWait(new ConnectCallCommand(cy, "call-9", "+12125550031", Map.of(), t0.plusSeconds(5)));
        commands.sendAndWait(new EndCallCommand(cy, "call-9", t0.plusSeconds(35)));
        commands.sendAndWait(
                new StoreAgentResponseCommand(cy, "call-9", "callback", "later", false, false, t0.plusSeconds(40)));

        // The audit trail: one CSV line per entry of the JSON page, in its order, as an attachment.
        String history = "/api/campaigns/" + id + "/history";
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(history)
                        .json()
                        .get("content")
                        .findValuesAsText("type")
                        .contains("AgentResponseStored"));
        // Its segments apply events side by side: wait until every one has caught up, so no earlier entry is missing.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> java.util.stream.StreamSupport.stream(
                                api.get("/api/admin/processors").json().spliterator(), false)
                        .filter(p -> p.get("name").asText().equals("campaign-history"))
                        .allMatch(p -> p.get("lag").asLong() == 0));
        JsonNode page = api.get(history).json();
        Response csv = api.send("GET", history, null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"campaign-" + id + "-history.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("position,timestamp,type,aggregate,sequenceNumber,actor,requestId,correlationId,"
                        + "changes,payload");
        assertThat(lines.subList(1, lines.size()).stream()
                        .map(l -> l.substring(0, l.indexOf(',')))
                        .toList())
                .isEqualTo(page.get("content").findValuesAsText("position"));

        // Dispositions per hour: one CSV line per hour, kind and disposition, ordered so, with the JSON's counts.
        String report = "/api/campaigns/" + id + "/reports/dispositions";
        JsonNode hours = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get(report).json().get("hours"),
                        h -> h.findValues("total").stream()
                                        .mapToLong(JsonNode::asLong)
                                        .sum()
                                == 4);
        List<String> expected = new java.util.ArrayList<>();
        hours.forEach(h -> {
            h.get("callResults")
                    .fields()
                    .forEachRemaining(e -> expected.add(h.get("hour").asText() + ",CALL_RESULT," + e.getKey() + ","
                            + e.getValue().asLong()));
            h.get("agentResponses")
                    .fields()
                    .forEachRemaining(e -> expected.add(h.get("hour").asText() + ",AGENT_RESPONSE," + e.getKey() + ","
                            + e.getValue().asLong()));
        });
        assertThat(expected)
                .anyMatch(l -> l.contains(",AGENT_RESPONSE,callback,"))
                .anyMatch(l -> l.contains(",CALL_RESULT,BUSY,"));
        java.util.Collections.sort(expected);
        Response dispositions = api.send("GET", report, null, Map.of("Accept", "text/csv"));
        assertThat(dispositions.status()).as(dispositions.toString()).isEqualTo(200);
        assertThat(dispositions.header("Content-Type")).startsWith("text/csv");
        assertThat(dispositions.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"campaign-" + id + "-dispositions.csv\"");
        List<String> rows = dispositions.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("hour,kind,disposition,count");
        assertThat(rows.subList(1, rows.size())).isEqualTo(expected);
    }

    /** A CSV export is every row the query selects, not the page the JSON would show; paging does not apply. */
    @Test
    void csvExportsCarryEveryRowNotOnePage() {
        Response created = api.post("/api/campaigns", "{\"name\": \"Long history\"}");
        long id = created.json().get("id").asLong();
        for (int i = 0; i < 60; i++) {
            assertThat(api.patch("/api/campaigns/" + id, "{\"script\": \"take " + i + "\"}", Map.of())
                            .status())
                    .isEqualTo(200);
        }
        String history = "/api/campaigns/" + id + "/history";
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(history).json().get("totalElements").asLong() == 61);
        assertThat(api.get(history).json().get("content").size())
                .as("a JSON page")
                .isEqualTo(50);
        for (String query : List.of("", "?size=10&page=2")) {
            Response csv = api.send("GET", history + query, null, Map.of("Accept", "text/csv"));
            assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
            assertThat(csv.body().lines().count())
                    .as("header and every entry " + query)
                    .isEqualTo(62);
        }
        Response typed = api.send("GET", history + "?type=CampaignUpdated", null, Map.of("Accept", "text/csv"));
        assertThat(typed.body().lines().count()).as("the filters still apply").isEqualTo(61);

        long campaign = runningCampaign("Many agents", "2125550041");
        for (int i = 0; i < 25; i++) {
            assertThat(api.post(
                                    "/api/campaigns/" + campaign + "/agents/callback",
                                    "{\"userId\": \"agent" + i + "@example.com\", \"phoneNumber\": \"6465550103\"}")
                            .status())
                    .isEqualTo(201);
        }
        String sessions = "/api/agent-sessions?campaignId=" + campaign;
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(sessions).json().get("totalElements").asLong() == 25);
        assertThat(api.get(sessions).json().get("content").size())
                .as("a JSON page")
                .isEqualTo(20);
        Response csv = api.send("GET", sessions, null, Map.of("Accept", "text/csv"));
        assertThat(csv.body().lines().count()).isEqualTo(26);
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"agent-sessions.csv\"");

        Response agent = api.post("/api/agents", "{\"name\": \"Often renamed\", \"userId\": \"renamed-" + id + "\"}");
        long agentId = agent.json().get("id").asLong();
        for (int i = 0; i < 55; i++) {
            api.patch("/api/agents/" + agentId, "{\"name\": \"Name " + i + "\"}", Map.of());
        }
        Response agentCsv = api.send("GET", "/api/agents/" + agentId + "/history", null, Map.of("Accept", "text/csv"));
        assertThat(agentCsv.body().lines().count()).isEqualTo(57);
        assertThat(agentCsv.header("Content-Disposition")).contains("-history.csv");
    }

    @Test
    void unknownIdsAre404AndUnsupportedFormats406() {
        long id = runningCampaign("Formats", "2125550021");
        for (String path : List.of(
                "/api/campaigns/999999/stats",
                "/api/campaigns/999999/summary",
                "/api/campaigns/999999/agent-sessions",
                "/api/agent-sessions/999999")) {
            Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
        assertThat(api.send("GET", "/api/campaigns/" + id + "/summary", null, Map.of("Accept", "text/csv"))
                        .status())
                .isEqualTo(406);
        assertThat(api.send("GET", "/api/campaigns/" + id + "/stats", null, Map.of("Accept", "text/csv"))
                        .status())
                .isEqualTo(406);
        assertThat(api.send(
                                "GET",
                                "/api/campaigns/" + id + "/agent-sessions",
                                null,
                                Map.of("Accept", "application/xml"))
                        .status())
                .isEqualTo(406);
        assertThat(api.send("GET", "/api/agent-sessions", null, Map.of("Accept", "application/pdf"))
                        .status())
                .isEqualTo(406);

        // A browser prefers XML to anything else, but XML is only for the documents that are XML by contract.
        Map<String, String> browser =
                Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8");
        for (String path : List.of("/api/campaigns/" + id, "/api/campaigns/" + id + "/stats", "/api/campaigns")) {
            Response r = api.send("GET", path, null, browser);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/json");
        }
        assertThat(api.send("GET", "/api/campaigns/" + id, null, Map.of("Accept", "application/xml"))
                        .status())
                .as("asked by name, and not XML by contract")
                .isEqualTo(406);
        assertThat(api.send("GET", "/api/campaigns/" + id + "/summary", null, Map.of("Accept", "application/xml"))
                        .header("Content-Type"))
                .startsWith("application/xml");
        Response missing = api.send("GET", "/api/campaigns/999999", null, browser);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");

        Response badPage = api.get("/api/agent-sessions?size=0");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("errors").findValuesAsText("field")).contains("size");
        Response badInstant = api.get("/api/agent-sessions?from=yesterday");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.json().get("errors").findValuesAsText("field")).contains("from");
        Response backwards = api.get("/api/agent-sessions?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").findValuesAsText("field")).contains("to");
    }

    private JsonNode statsOf(long campaign) {
        return api.get("/api/campaigns/" + campaign + "/stats").json();
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml.strip())))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + xml, e);
        }
    }

    /** The element tree with each leaf's kind of value: {@code campaign-finished(campaign(id:integer, ...))}. */
    private static String shape(Element element) {
        StringBuilder children = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.append(children.isEmpty() ? "" : ", ").append(shape(child));
            }
        }
        if (!children.isEmpty()) {
            return element.getTagName() + "(" + children + ")";
        }
        String value = element.getTextContent().strip();
        String kind = INTEGER.matcher(value).matches()
                ? "integer"
                : MONEY.matcher(value).matches() ? "money" : "text";
        return element.getTagName() + ":" + kind;
    }

    private static String text(Element root, String path) {
        Element current = root;
        for (String name : path.split("/")) {
            current = (Element) current.getElementsByTagName(name).item(0);
        }
        return current.getTextContent();
    }
}
