package com.campaignledger.web.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.ConnectCallCommand;
import com.campaignledger.agent.session.api.EndCallCommand;
import com.campaignledger.agent.session.api.StoreAgentResponseCommand;
import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.RecordCallResultCommand;
import com.campaignledger.projections.dispositions.DispositionsProjection;
import com.campaignledger.projections.dispositions.DispositionsRebuild;
import com.campaignledger.projections.history.CampaignHistoryRebuild;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail, the dispositions report and replays over HTTP on PostgreSQL. A database of its own: a replay
 * resets processor tokens, which no other test context may hold.
 */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryAndReplayPostgresTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<String> READ_MODELS = List.of(
            "campaign-view",
            "agent-sessions",
            "campaign-stats",
            "campaign-history",
            DispositionsProjection.PROCESSING_GROUP);
    /** The models PostgreSQL rebuilds in SQL (SetBasedReplays). */
    static final List<String> SET_BASED = List.of("campaign-history", DispositionsProjection.PROCESSING_GROUP);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("history");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        // Ranges of a few events: a set-based replay here writes many of them, two at a time, as on a large store.
        registry.add("ledger.replay.set-based.batch-size", () -> "7");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConfigurableEnvironment environment;

    @MockitoSpyBean
    CampaignHistoryRebuild historyRebuild;

    @MockitoSpyBean
    DispositionsRebuild dispositionsRebuild;

    /**
     * A call recorded in a transaction that commits after a later event's: the history and the dispositions report
     * hold it at its own position in the event store. (They used the processor's token position, the highest
     * index seen, which is a later event's for an event that fills a gap: its row took that event's key and was
     * dropped, or showed that event.)
     */
    @Test
    void anEventCommittedAfterALaterOneIsRecordedAtItsOwnPosition() {
        ApiClient api = new ApiClient(port);
        long early = runningCampaign(api, "Committed late");
        long late = runningCampaign(api, "Committed first");
        String lateHistory = "/api/campaigns/" + late + "/history";
        transactions.executeWithoutResult(status -> {
            // Its event takes the next global index now, and is committed last.
            commands.sendAndWait(new RecordCallResultCommand(
                    CampaignId.of(early),
                    "late-commit-1",
                    "+12135551212",
                    CallResult.BUSY,
                    null,
                    Instant.now(),
                    10,
                    null));
            CompletableFuture.supplyAsync(() -> api.post(
                            "/api/campaigns/" + late + "/calls", "{\"number\": \"2135551212\", \"result\": \"LA\"}"))
                    .join();
            await().atMost(WAIT)
                    .until(() -> api.get(lateHistory + "?type=CallResultRecorded")
                                    .json()
                                    .path("totalElements")
                                    .asInt()
                            == 1);
        });
        for (long campaign : List.of(early, late)) {
            String history = "/api/campaigns/" + campaign + "/history";
            JsonNode calls = await().atMost(WAIT)
                    .until(
                            () -> api.get(history + "?type=CallResultRecorded").json(),
                            h -> h.path("totalElements").asInt() == 1)
                    .get("content");
            long stored = jdbc.queryForObject(
                    "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                            + "AND payload_type LIKE '%CallResultRecordedEvent'",
                    Long.class, "campaign-" + campaign);
            assertThat(calls.at("/0/position").asLong()).isEqualTo(stored);
            assertThat(calls.at("/0/aggregate").asText()).isEqualTo("campaign-" + campaign);
            String report = "/api/campaigns/" + campaign + "/reports/dispositions";
            await().atMost(WAIT).until(() -> totalOf(api.get(report).json()) == 1);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM campaign_history h JOIN domain_event_entry e "
                                + "ON e.global_index = h.global_index WHERE e.aggregate_identifier <> h.aggregate_identifier "
                                + "OR e.sequence_number <> h.sequence_number",
                        Long.class))
                .isZero();
    }

    private static long runningCampaign(ApiClient api, String name) {
        Response created = api.post(
                "/api/campaigns",
                "{\"name\": \"" + name + "\", \"fromNumber\": \"9206596476\", \"scrubLevel\": 0, "
                        + "\"numbers\": [{\"number\": \"2135551212\"}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        awaitCampaignStatus(api, id, "RUNNING");
        return id;
    }

    @Test
    void theHistoryListsEveryEventOfTheCampaignAndItsAgentsInOrderWithWhoAndUnderWhichRequest() throws Exception {
        ApiClient api = new ApiClient(port);
        Response created =
                api.post("/api/campaigns", """
                {"name": "Audited", "fromNumber": "9206596476", "numbers": [{"number": "2135551212"}, {"number": "2135551213"}]}""", Map.of("X-Request-Id", "req-create", "X-Correlation-Id", "flow-1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.patch("/api/campaigns/" + id, "{\"script\": \"Hello\"}", Map.of("X-Request-Id", "req-patch"))
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/api/campaigns/" + id + "/dial-ratio", "{\"ratio\": 2.0}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        awaitCampaignStatus(api, id, "RUNNING");
        Response callback = api.post(
                "/api/campaigns/" + id + "/agents/callback",
                "{\"userId\": \"alice@example.com\", \"phoneNumber\": \"2125550001\"}");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        long agent = callback.json().get("agentId").asLong();
        Response call =
                api.post("/api/campaigns/" + id + "/calls", "{\"number\": \"2135551212\", \"result\": \"BUSY\"}");
        assertThat(call.status()).as(call.toString()).isEqualTo(200);

        List<String> types = List.of(
                "CampaignCreated",
                "NumbersAdded",
                "CampaignUpdated",
                "DialRatioUpdated",
                "CampaignStarted",
                "AgentCallbackSent",
                "CallResultRecorded");
        String path = "/api/campaigns/" + id + "/history";
        await().atMost(WAIT)
                .until(() -> api.get(path).json().path("totalElements").asInt() == types.size());
        JsonNode history = api.get(path).json();
        JsonNode events = history.get("content");
        assertThat(StreamSupport.stream(events.spliterator(), false)
                        .map(e -> e.get("type").asText()))
                .containsExactlyElementsOf(types);
        List<Long> positions = StreamSupport.stream(events.spliterator(), false)
                .map(e -> e.get("position").asLong())
                .toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(history.get("totalPages").asInt()).isEqualTo(1);
        assertThat(history.get("nextAfter").isNull()).isTrue();

        // The actor, request and correlation ids are those the event store holds for each event.
        List<Map<String, Object>> stored = jdbc.queryForList(
                "SELECT global_index, convert_from(meta_data, 'UTF8') AS meta, "
                        + "convert_from(payload, 'UTF8') AS payload FROM domain_event_entry WHERE aggregate_identifier IN (?, ?) "
                        + "ORDER BY global_index",
                "campaign-" + id,
                "agent-session-" + agent);
        assertThat(stored).hasSize(types.size());
        for (int i = 0; i < stored.size(); i++) {
            JsonNode meta = JSON.readTree(stored.get(i).get("meta").toString());
            JsonNode event = events.get(i);
            assertThat(event.get("position").asLong())
                    .isEqualTo(((Number) stored.get(i).get("global_index")).longValue());
            assertThat(event.get("actor").asText()).isEqualTo(meta.get("actor").asText());
            assertThat(event.get("requestId").asText())
                    .isEqualTo(meta.get("requestId").asText());
            assertThat(event.get("correlationId").asText())
                    .isEqualTo(meta.get("correlationId").asText());
            assertThat(event.get("payload"))
                    .isEqualTo(JSON.readTree(stored.get(i).get("payload").toString()));
            assertThat(Instant.parse(event.get("timestamp").asText())).isNotNull();
        }
        JsonNode create = events.get(0);
        assertThat(create.get("requestId").asText()).isEqualTo("req-create");
        assertThat(create.get("correlationId").asText()).isEqualTo("flow-1");
        assertThat(create.get("aggregate").asText()).isEqualTo("campaign-" + id);
        assertThat(create.at("/payload/settings/name").asText()).isEqualTo("Audited");
        JsonNode update = events.get(2);
        assertThat(update.get("requestId").asText()).isEqualTo("req-patch");
        assertThat(update.get("changes")).hasSize(1);
        assertThat(update.at("/changes/0/field").asText()).isEqualTo("script");
        assertThat(update.at("/changes/0/oldValue").isNull()).isTrue();
        assertThat(update.at("/changes/0/newValue").asText()).isEqualTo("Hello");
        assertThat(events.get(3).at("/changes/0/field").asText()).isEqualTo("ratio");
        assertThat(events.get(3).at("/changes/0/oldValue").asDouble()).isEqualTo(1.0);
        assertThat(events.get(3).at("/changes/0/newValue").asDouble()).isEqualTo(2.0);
        assertThat(events.get(0).get("changes")).isEmpty();
        assertThat(events.get(5).get("aggregate").asText()).isEqualTo("agent-session-" + agent);
        assertThat(events.get(6).at("/payload/result").asText()).isEqualTo("BUSY");

        // Filters: type, actor, time range.
        JsonNode updates = api.get(path + "?type=CampaignUpdated").json();
        assertThat(updates.get("totalElements").asInt()).isEqualTo(1);
        assertThat(updates.at("/content/0/position").asLong()).isEqualTo(positions.get(2));
        String actor = create.get("actor").asText();
        assertThat(api.get(path + "?actor=" + actor).json().get("totalElements").asInt())
                .isEqualTo(types.size());
        assertThat(api.get(path + "?actor=nobody-at-all").json().get("content")).isEmpty();
        Instant third = Instant.parse(events.get(2).get("timestamp").asText());
        Instant fifth = Instant.parse(events.get(4).get("timestamp").asText());
        JsonNode window =
                api.get(path + "?from=" + third + "&to=" + fifth).json().get("content");
        long expected = StreamSupport.stream(events.spliterator(), false)
                .map(e -> Instant.parse(e.get("timestamp").asText()))
                .filter(t -> !t.isBefore(third) && t.isBefore(fifth))
                .count();
        assertThat(window).hasSize((int) expected);
        window.forEach(
                e -> assertThat(Instant.parse(e.get("timestamp").asText())).isBetween(third, fifth));
        assertThat(StreamSupport.stream(window.spliterator(), false)
                        .map(e -> e.get("position").asLong()))
                .contains(positions.get(2));

        // Paging by page number and by position give the same pages.
        JsonNode first = api.get(path + "?size=2").json();
        assertThat(first.get("totalPages").asInt()).isEqualTo(4);
        assertThat(first.get("content")).hasSize(2);
        assertThat(first.get("nextAfter").asLong()).isEqualTo(positions.get(1));
        JsonNode second = api.get(path + "?size=2&page=1").json();
        JsonNode afterFirst = api.get(
                        path + "?size=2&after=" + first.get("nextAfter").asLong())
                .json();
        assertThat(second.get("content")).isEqualTo(afterFirst.get("content"));
        assertThat(second.at("/content/0/position").asLong()).isEqualTo(positions.get(2));

        // CSV by Accept.
        Response csv = api.send("GET", path, null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines[0])
                .isEqualTo(
                        "position,timestamp,type,aggregate,sequenceNumber,actor,requestId,correlationId,changes,payload");
        assertThat(lines).hasSize(types.size() + 1);
        assertThat(lines[3])
                .startsWith(positions.get(2) + ",")
                .contains(",CampaignUpdated,campaign-" + id + ",2,")
                .contains("script: null -> \"\"Hello\"\"");

        // Bad input is a 400 naming the parameter; another campaign's or an unknown id a 404.
        assertThat(api.get(path + "?size=0").json().at("/errors/0/field").asText())
                .isEqualTo("size");
        assertThat(api.get(path + "?size=100000").status()).isEqualTo(400);
        assertThat(api.get(path + "?from=yesterday")
                        .json()
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("from");
        assertThat(api.get(path + "?from=" + fifth + "&to=" + third)
                        .json()
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("to");
        assertThat(api.get(path + "?type=com.campaignledger.Foo")
                        .json()
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("type");
        assertThat(api.get(path + "?after=-1").status()).isEqualTo(400);
        assertThat(api.get("/api/campaigns/987654321/history").status()).isEqualTo(404);
    }

    @Test
    void aReportAddedAfterTheHistoryIsBuiltFromAllOfItOnItsFirstStart() {
        ApiClient api = new ApiClient(port);
        // As if the report did not exist yet: its processor has never run, it has no token and no rows.
        StreamingEventProcessor report = processing
                .eventProcessor(DispositionsProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        report.shutDown();
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", DispositionsProjection.PROCESSING_GROUP);
        jdbc.update("DELETE FROM disposition_event");
        jdbc.update("DELETE FROM disposition_campaign");
        long id;
        try {
            id = runningCampaign(api, "Before the report", 6);
            for (String[] call : new String[][] {
                {"2135550000", "BUSY"},
                {"2135550001", "BUSY"},
                {"2135550002", "NO_ANS"},
                {"2135550003", "LA"},
                {"2135550004", "DNC"}
            }) {
                Response r = api.post(
                        "/api/campaigns/" + id + "/calls",
                        "{\"number\": \"" + call[0] + "\", \"result\": \"" + call[1] + "\"}");
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
            String path = "/api/campaigns/" + id + "/reports/dispositions";
            assertThat(api.get(path).json().get("hours")).isEmpty();
        } finally {
            report.start();
        }
        String path = "/api/campaigns/" + id + "/reports/dispositions";
        await().atMost(WAIT).until(() -> totalOf(api.get(path).json()) == 5);
        JsonNode hours = api.get(path).json().get("hours");
        Map<String, Long> results = new java.util.TreeMap<>();
        hours.forEach(h -> h.get("callResults")
                .fields()
                .forEachRemaining(e -> results.merge(e.getKey(), e.getValue().asLong(), Long::sum)));
        assertThat(results)
                .containsExactlyEntriesOf(
                        new java.util.TreeMap<>(Map.of("BUSY", 2L, "DNC", 1L, "LA", 1L, "NO_ANS", 1L)));
        hours.forEach(h -> {
            assertThat(Instant.parse(h.get("hour").asText()).getEpochSecond() % 3600)
                    .isZero();
            assertThat(h.get("agentResponses")).isEmpty();
        });

        Response csv = api.send("GET", path, null, Map.of("Accept", "text/csv"));
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().split("\n")[0]).isEqualTo("hour,kind,disposition,count");
        assertThat(csv.body()).contains(",CALL_RESULT,BUSY,");
        assertThat(api.get("/api/campaigns/987654321/reports/dispositions").status())
                .isEqualTo(404);
    }

    @Test
    void processorsAreListedAndOnlyReadModelsCanBeReplayed() {
        ApiClient api = new ApiClient(port);
        Response list = api.get("/api/admin/processors");
        assertThat(list.status()).isEqualTo(200);
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        list.json().forEach(p -> byName.put(p.get("name").asText(), p));
        assertThat(byName)
                .containsKeys(
                        "campaign-view",
                        "agent-sessions",
                        "campaign-history",
                        DispositionsProjection.PROCESSING_GROUP,
                        "campaign-notification-saga",
                        "notification-outbox",
                        "agent-session-directory",
                        "agent-connections");
        JsonNode view = byName.get("campaign-view");
        assertThat(view.get("mode").asText()).isEqualTo("tracking");
        assertThat(view.get("replayable").asBoolean()).isTrue();
        assertThat(view.has("head")).isTrue();
        assertThat(view.has("lag")).isTrue();
        assertThat(byName.get("agent-session-directory").get("mode").asText()).isEqualTo("subscribing");

        assertThat(api.post("/api/admin/processors/no-such-processor/replay", null)
                        .status())
                .isEqualTo(404);
        // Sagas and handlers marked @DisallowReplay act on the world; the other two have no stored position.
        Map<String, String> refused = Map.of(
                "campaign-notification-saga",
                "act rather than build",
                "notification-outbox",
                "act rather than build",
                "agent-connections",
                "memory",
                "agent-session-directory",
                "subscribing",
                "agent-call-outcomes",
                "act rather than build",
                "dialer-call-list",
                "act rather than build",
                "agent-roster-enforcement",
                "act rather than build",
                "agent-invite-mail",
                "act rather than build");
        refused.forEach((name, why) -> {
            Response r = api.post("/api/admin/processors/" + name + "/replay", null);
            assertThat(r.status()).as(name + ": " + r).isEqualTo(409);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asText()).contains(name).contains(why);
            assertThat(byName.get(name).get("replayable").asBoolean()).isFalse();
            assertThat(byName.get(name).get("notReplayableReason").asText()).contains(why);
        });
    }

    /**
     * The compliance record and the calls are built from the events alone: replayed event by event, they are row for
     * row what was built live (drops with and without the message, a violation, results of the simulated dialer's
     * kind without request metadata are covered by the processors' account lookups).
     */
    @Test
    void theComplianceRecordAndTheCallsReplayRowForRow() {
        ApiClient api = new ApiClient(port);
        long id = runningCampaign(api, "Compliance replay", 5);
        String calls = "/api/campaigns/" + id + "/calls";
        String yesterday = Instant.now().minus(Duration.ofDays(1)).toString();
        for (String[] call : new String[][] {{"0", "LA"}, {"1", "SD"}, {"2", "ABANDONED"}, {"3", "BUSY"}}) {
            Response r = api.post(
                    calls,
                    "{\"number\": \"213555000" + call[0] + "\", \"result\": \"" + call[1] + "\", \"startTime\": \""
                            + yesterday + "\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        List<String> models = List.of("compliance", "calls");
        awaitCaughtUp(api, models);
        String mine = "campaign_id = " + id;
        List<Map<String, Object>> compliance =
                jdbc.queryForList("SELECT * FROM compliance_call WHERE " + mine + " ORDER BY global_index");
        List<Map<String, Object>> callRows =
                jdbc.queryForList("SELECT * FROM call_record WHERE " + mine + " ORDER BY call_id");
        String totals = "SELECT * FROM call_result_total WHERE " + mine + " ORDER BY result";
        List<Map<String, Object>> callTotals = jdbc.queryForList(totals);
        assertThat(compliance).hasSize(3);
        assertThat(callRows).hasSize(4);
        assertThat(callTotals)
                .hasSize(4)
                .allSatisfy(row ->
                        assertThat(((Number) row.get("calls")).longValue()).isEqualTo(1));

        for (String name : models) {
            Response replay = api.post("/api/admin/processors/" + name + "/replay", null);
            assertThat(replay.status()).as(name + ": " + replay).isEqualTo(202);
        }
        awaitCaughtUp(api, models);
        assertThat(jdbc.queryForList("SELECT * FROM compliance_call WHERE " + mine + " ORDER BY global_index"))
                .isEqualTo(compliance);
        assertThat(jdbc.queryForList("SELECT * FROM call_record WHERE " + mine + " ORDER BY call_id"))
                .isEqualTo(callRows);
        assertThat(jdbc.queryForList(totals)).isEqualTo(callTotals);
    }

    @Test
    void aReplayRebuildsEachReadModelAsItWasBuiltLiveWhileCommandsKeepArriving() throws Exception {
        ApiClient api = new ApiClient(port);
        List<Long> campaigns = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            long id = runningCampaign(api, "Live " + c, 3);
            campaigns.add(id);
            api.patch("/api/campaigns/" + id, "{\"labels\": [\"replay\", \"c" + c + "\"]}", Map.of());
            api.post(
                    "/api/campaigns/" + id + "/agents/callback",
                    "{\"userId\": \"agent" + c + "@example.com\", \"phoneNumber\": \"212555000" + c + "\"}");
            api.post("/api/campaigns/" + id + "/calls", "{\"number\": \"2135550000\", \"result\": \"LA\"}");
            api.post("/api/campaigns/" + id + "/calls", "{\"number\": \"2135550001\", \"result\": \"BUSY\"}");
        }
        long busy = api.post("/api/campaigns", "{\"name\": \"Busy during the replay\"}")
                .json()
                .get("id")
                .asLong();
        awaitCaughtUp(api);
        String others = "campaign_id <> " + busy;
        Map<String, List<Map<String, Object>>> live = snapshot(others);
        assertThat(live.get("campaign_view")).hasSizeGreaterThanOrEqualTo(3);
        // A row no event explains: the reset handler must clear it.
        jdbc.update(
                "INSERT INTO campaign_history (global_index, campaign_id, account_id, aggregate_identifier, sequence_number, "
                        + "event_type, actor, occurred_at) VALUES (999999999, ?, 'default', 'campaign-0', 0, 'Bogus', NULL, now())",
                campaigns.get(0));

        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<List<Integer>> commands = CompletableFuture.supplyAsync(() -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; !stop.get() || i < 20; i++) {
                statuses.add(api.patch("/api/campaigns/" + busy, "{\"script\": \"line " + i + "\"}", Map.of())
                        .status());
            }
            return statuses;
        });
        // A campaign the view has not rebuilt yet is "try again" (503), never "no such campaign" (404).
        CompletableFuture<List<Integer>> reads = CompletableFuture.supplyAsync(() -> {
            List<Integer> statuses = new ArrayList<>();
            while (!stop.get()) {
                statuses.add(api.get("/api/campaigns/" + campaigns.get(0)).status());
                statuses.add(
                        api.get("/api/campaigns/" + campaigns.get(1) + "/stats").status());
            }
            return statuses;
        });
        for (String name : READ_MODELS) {
            Response replay = api.post("/api/admin/processors/" + name + "/replay", null);
            assertThat(replay.status()).as(name + ": " + replay).isEqualTo(202);
            assertThat(replay.json().get("name").asText()).isEqualTo(name);
            // On PostgreSQL every read model is rebuilt from the event table directly: in SQL, or by its handlers
            // fed only the events they handle.
            assertThat(replay.json().at("/replay/method").asText())
                    .as(name + ": " + replay)
                    .isEqualTo("set-based");
        }
        stop.set(true);
        List<Integer> statuses = commands.get();
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(20).containsOnly(200);
        assertThat(reads.get()).isSubsetOf(200, 503);
        awaitCaughtUp(api);

        assertThat(snapshot(others)).isEqualTo(live);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM campaign_history WHERE global_index = 999999999", Long.class))
                .isZero();
        // The campaign changed during the replay: its view is the fold of its events, its history every event.
        JsonNode now = api.get("/api/campaigns/" + busy).json();
        assertThat(now.get("script").asText()).isEqualTo("line " + (statuses.size() - 1));
        assertThat(now)
                .isEqualTo(api.get("/api/campaigns/" + busy + "?asOf="
                                + Instant.now().plusSeconds(1))
                        .json());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_history WHERE campaign_id = ?", Long.class, busy))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        "campaign-" + busy));
    }

    /**
     * The set-based replay writes, row for row, what the handlers write: campaign and agent-session events, events
     * written without request metadata (commands sent inside the service, as the dialer's), responses Java counts
     * and blank ones it does not, events committed while the replay runs, and an event whose transaction is still
     * open when the replay reads the head (a gap the processor fills once it commits). The reference is the models
     * as the handlers built them live, then as Axon's replay rebuilds them event by event.
     */
    @Test
    void theSetBasedReplayWritesTheRowsTheHandlersWrite() throws Exception {
        ApiClient api = new ApiClient(port);
        long id = runningCampaign(api, "Set-based", 8);
        Response callback = api.post(
                "/api/campaigns/" + id + "/agents/callback",
                "{\"userId\": \"sb@example.com\", \"phoneNumber\": \"2125550042\"}");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        long agent = callback.json().get("agentId").asLong();
        assertThat(api.post("/api/campaigns/" + id + "/agents/" + agent + "/login", "{\"userId\": \"sb@example.com\"}")
                        .status())
                .isEqualTo(200);
        AgentSessionId session = AgentSessionId.of(agent);
        // Blank to String.isBlank (spaces, an ideographic space) or not (a no-break space is not whitespace to Java).
        String[] responses = {"sale", "   ", "\u3000", "no\u00A0sale", "\u00A0"};
        for (int i = 0; i < responses.length; i++) {
            Instant at = Instant.now();
            commands.sendAndWait(new ConnectCallCommand(session, "sb-" + i, "+1213555000" + i, Map.of(), at));
            commands.sendAndWait(new EndCallCommand(session, "sb-" + i, at.plusSeconds(30)));
            commands.sendAndWait(new StoreAgentResponseCommand(
                    session, "sb-" + i, responses[i], null, false, false, at.plusSeconds(40)));
        }
        commands.sendAndWait(new RecordCallResultCommand(
                CampaignId.of(id), "sb-direct", "+12135550005", CallResult.BUSY, null, Instant.now(), 10, null));
        awaitEverythingCaughtUp(api);
        assertThat(jdbc.queryForList(
                        "SELECT disposition FROM disposition_event WHERE campaign_id = ? AND kind = 'AGENT_RESPONSE' "
                                + "ORDER BY global_index",
                        String.class,
                        id))
                .containsExactly("sale", "no\u00A0sale", "\u00A0");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM campaign_history h JOIN domain_event_entry e ON e.global_index = "
                                + "h.global_index WHERE h.campaign_id = ? AND convert_from(e.meta_data, 'UTF8')::jsonb ->> 'accountId' IS NULL",
                        Long.class,
                        id))
                .as("events without request metadata")
                .isGreaterThanOrEqualTo(responses.length + 1);
        Map<String, List<Map<String, Object>>> live = models();

        long inFlight = runningCampaign(api, "In flight", 2);
        long other = runningCampaign(api, "Committed meanwhile", 2);
        long busy = api.post("/api/campaigns", "{\"name\": \"Busy during the set-based replay\"}")
                .json()
                .get("id")
                .asLong();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<List<Integer>> meanwhile = CompletableFuture.supplyAsync(() -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; !stop.get() || i < 10; i++) {
                statuses.add(api.patch("/api/campaigns/" + busy, "{\"script\": \"line " + i + "\"}", Map.of())
                        .status());
            }
            return statuses;
        });
        long[] gap = new long[1];
        // Each range takes a little longer, so the replays are seen running, and commands land while they do.
        Answer<Object> slowly = call -> {
            Thread.sleep(20);
            return call.callRealMethod();
        };
        doAnswer(slowly).when(historyRebuild).rebuild(anyLong(), anyLong());
        doAnswer(slowly).when(dispositionsRebuild).rebuild(anyLong(), anyLong());
        try {
            transactions.executeWithoutResult(status -> {
                // Takes the next global index now and commits only after the replay has handed over at the head.
                commands.sendAndWait(new RecordCallResultCommand(
                        CampaignId.of(inFlight),
                        "in-flight",
                        "+12135550000",
                        CallResult.LA,
                        null,
                        Instant.now(),
                        10,
                        null));
                assertThat(CompletableFuture.supplyAsync(() -> api.post(
                                        "/api/campaigns/" + other + "/calls",
                                        "{\"number\": \"2135550000\", \"result\": \"NO_ANS\"}"))
                                .join()
                                .status())
                        .isEqualTo(200);
                for (String name : SET_BASED) {
                    Response replay = CompletableFuture.supplyAsync(
                                    () -> api.post("/api/admin/processors/" + name + "/replay", null))
                            .join();
                    assertThat(replay.status()).as(name + ": " + replay).isEqualTo(202);
                    assertThat(replay.json().get("status").asText()).isEqualTo("REPLAYING");
                    assertThat(replay.json().at("/replay/method").asText()).isEqualTo("set-based");
                }
                await().atMost(WAIT)
                        .until(
                                () -> CompletableFuture.supplyAsync(() ->
                                                api.get("/api/admin/processors").json())
                                        .join(),
                                list -> StreamSupport.stream(list.spliterator(), false)
                                        .filter(p ->
                                                SET_BASED.contains(p.get("name").asText()))
                                        .allMatch(p -> p.get("status").asText().equals("RUNNING")
                                                && p.get("replay").isNull()));
                gap[0] = jdbc.queryForObject(
                        "SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        "campaign-" + inFlight);
                for (String name : SET_BASED) {
                    // Every segment is at the head the replay read, with the open transaction's event as a gap.
                    List<String> tokens = CompletableFuture.supplyAsync(() -> jdbc.queryForList(
                                    "SELECT convert_from(token, 'UTF8') " + "FROM token_entry WHERE processor_name = ?",
                                    String.class,
                                    name))
                            .join();
                    assertThat(tokens)
                            .as(name)
                            .isNotEmpty()
                            .allSatisfy(t -> assertThat(gapsOf(t)).contains(gap[0]));
                }
            });
        } finally {
            reset(historyRebuild, dispositionsRebuild);
        }
        stop.set(true);
        assertThat(meanwhile.get()).hasSizeGreaterThanOrEqualTo(10).containsOnly(200);
        awaitEverythingCaughtUp(api);
        // A token at the head shows no lag while its gap is still to be read: the processors take the event that
        // filled it at their next look for new events.
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM campaign_history WHERE global_index = ?",
                                        Long.class,
                                        gap[0])
                                == 1
                        && jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM disposition_event WHERE global_index = ?",
                                        Long.class,
                                        gap[0])
                                == 1);
        Map<String, List<Map<String, Object>>> setBased = models();

        // What the handlers had written is there unchanged, and the rest too: the event that filled the gap, every
        // event of the campaigns and their sessions.
        setBased.forEach((table, rows) -> assertThat(rows).as(table).containsAll(live.get(table)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_history", Long.class))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE 'campaign-%' "
                                + "OR aggregate_identifier LIKE 'agent-session-%'",
                        Long.class));

        // The same models rebuilt event by event by the handlers.
        MapPropertySource off =
                new MapPropertySource("set-based-off", Map.of("ledger.replay.set-based.enabled", "false"));
        environment.getPropertySources().addFirst(off);
        try {
            for (String name : SET_BASED) {
                Response replay = api.post("/api/admin/processors/" + name + "/replay", null);
                assertThat(replay.status()).as(name + ": " + replay).isEqualTo(202);
                assertThat(replay.json().at("/replay/method").asText()).isIn("", "event-by-event");
            }
            awaitEverythingCaughtUp(api);
        } finally {
            environment.getPropertySources().remove(off.getName());
        }
        assertThat(models()).isEqualTo(setBased);
    }

    /**
     * The live stats rebuilt in SQL equal what the handlers wrote, with numbers dialled several times (each counted
     * once, under its last result, across ranges of a few events), per-call minutes, and calls to two campaigns
     * interleaved.
     */
    @Test
    void theLiveStatsRebuiltInSqlEqualWhatTheHandlersWrote() throws Exception {
        ApiClient api = new ApiClient(port);
        List<Long> campaigns = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Response created = api.post(
                    "/api/campaigns",
                    "{\"name\": \"Stats " + c
                            + "\", \"fromNumber\": \"9206596476\", \"scrubLevel\": 0, \"retryConfig\": {\"maxAttempts\": 4, "
                            + "\"minutesBetweenAttempts\": 1, \"retryResults\": [\"BUSY\", \"NO_ANS\", \"AM\"]}, \"numbers\": ["
                            + "{\"number\": \"2135550000\"}, {\"number\": \"2135550001\"}, {\"number\": \"2135550002\"}, {\"number\": \"2135550003\"}]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                            .status())
                    .isEqualTo(200);
            campaigns.add(id);
        }
        String[][] calls = {
            {"0", "BUSY", "0"},
            {"0", "NO_ANS", "59"},
            {"1", "AM", "61"},
            {"0", "LA", "125"},
            {"1", "DNC", "5"},
            {"2", "CARRIER_ERROR", "0"},
            {"3", "BUSY", "60"},
            {"1", "BUSY", "1"},
            {"3", "XFER", "240"}
        };
        for (String[] call : calls) {
            for (long id : campaigns) {
                Response recorded = api.post(
                        "/api/campaigns/" + id + "/calls",
                        "{\"number\": \"213555000" + call[0] + "\", \"result\": \"" + call[1]
                                + "\", \"durationSeconds\": " + call[2] + "}");
                // A number with its final result takes no more calls: those answer 409 and count nowhere.
                assertThat(recorded.status()).as(recorded.toString()).isIn(200, 409);
            }
        }
        awaitEverythingCaughtUp(api);
        String mine = "campaign_id IN (" + campaigns.get(0) + ", " + campaigns.get(1) + ")";
        List<Map<String, Object>> stats =
                jdbc.queryForList("SELECT * FROM campaign_stats WHERE " + mine + " ORDER BY campaign_id");
        List<Map<String, Object>> numbers = jdbc.queryForList(
                "SELECT * FROM campaign_stats_number WHERE " + mine + " ORDER BY campaign_id, number");
        assertThat(stats)
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo(8L));
        assertThat(numbers).hasSize(8);

        Response replay = api.post("/api/admin/processors/campaign-stats/replay", null);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.json().at("/replay/method").asText()).isEqualTo("set-based");
        awaitEverythingCaughtUp(api);
        assertThat(jdbc.queryForList("SELECT * FROM campaign_stats WHERE " + mine + " ORDER BY campaign_id"))
                .isEqualTo(stats);
        assertThat(jdbc.queryForList(
                        "SELECT * FROM campaign_stats_number WHERE " + mine + " ORDER BY campaign_id, number"))
                .isEqualTo(numbers);
    }

    /**
     * A set-based replay that fails half-way leaves the processor running, Axon's replay from the first event
     * finishing the model, and the processor can be replayed again.
     */
    @Test
    void aSetBasedReplayThatFailsHalfWayIsFinishedByAxonsReplayAndCanBeStartedAgain() throws Exception {
        ApiClient api = new ApiClient(port);
        for (int c = 0; c < 2; c++) {
            long id = runningCampaign(api, "Fails half-way " + c, 4);
            for (int n = 0; n < 4; n++) {
                api.post(
                        "/api/campaigns/" + id + "/calls",
                        "{\"number\": \"213555000" + n + "\", \"result\": \"BUSY\"}");
            }
        }
        awaitEverythingCaughtUp(api);
        Map<String, List<Map<String, Object>>> live = models();
        assertThat(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class))
                .isGreaterThan(3 * 7);

        // The third range fails (two are written first, by the two workers).
        doCallRealMethod()
                .doCallRealMethod()
                .doThrow(new DataAccessResourceFailureException("connection lost (injected)"))
                .doCallRealMethod()
                .when(historyRebuild)
                .rebuild(anyLong(), anyLong());
        try {
            Response replay = api.post("/api/admin/processors/campaign-history/replay", null);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            JsonNode fallback = await().atMost(WAIT)
                    .until(
                            () -> processorNamed(api, "campaign-history"),
                            p -> p.at("/replay/fallbackReason").asText().contains("injected")
                                    || p.get("replay").isNull());
            assertThat(fallback.get("status").asText()).isIn("REPLAYING", "RUNNING", "STANDBY");
            awaitEverythingCaughtUp(api);
            // The third range failed and the set-based replay stopped there.
            verify(historyRebuild, atLeast(3)).rebuild(anyLong(), anyLong());
        } finally {
            reset(historyRebuild);
        }
        assertThat(models()).isEqualTo(live);
        assertThat(processorNamed(api, "campaign-history").get("replay").isNull())
                .isTrue();

        Response again = api.post("/api/admin/processors/campaign-history/replay", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.json().at("/replay/method").asText()).isEqualTo("set-based");
        awaitEverythingCaughtUp(api);
        assertThat(models()).isEqualTo(live);
    }

    private static List<Long> gapsOf(String token) {
        try {
            return StreamSupport.stream(JSON.readTree(token).get("gaps").spliterator(), false)
                    .map(JsonNode::asLong)
                    .toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(token, e);
        }
    }

    /** Both set-based models, every row, in a stable order. */
    private Map<String, List<Map<String, Object>>> models() {
        return Map.of(
                "campaign_history", jdbc.queryForList("SELECT * FROM campaign_history ORDER BY global_index"),
                "disposition_event", jdbc.queryForList("SELECT * FROM disposition_event ORDER BY global_index, kind"),
                "disposition_campaign", jdbc.queryForList("SELECT * FROM disposition_campaign ORDER BY campaign_id"));
    }

    private static JsonNode processorNamed(ApiClient api, String name) {
        for (JsonNode p : api.get("/api/admin/processors").json()) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no processor " + name);
    }

    /** Every streaming processor at the head, none replaying, and nothing new written for a moment. */
    private void awaitEverythingCaughtUp(ApiClient api) {
        long[] last = {-1};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            long head =
                    jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
            boolean caughtUp = StreamSupport.stream(
                            api.get("/api/admin/processors").json().spliterator(), false)
                    .filter(p -> !p.get("lag").isNull())
                    .allMatch(p -> p.get("replay").isNull()
                            && p.get("lag").asLong() == 0
                            && List.of("RUNNING", "STANDBY")
                                    .contains(p.get("status").asText()));
            boolean quiet = head == last[0];
            last[0] = head;
            return caughtUp && quiet;
        });
    }

    private Map<String, List<Map<String, Object>>> snapshot(String where) {
        return Map.of(
                "campaign_view",
                        jdbc.queryForList("SELECT * FROM campaign_view WHERE " + where + " ORDER BY campaign_id"),
                "campaign_view_label",
                        jdbc.queryForList(
                                "SELECT * FROM campaign_view_label WHERE " + where + " ORDER BY campaign_id, label"),
                "agent_session_view",
                        jdbc.queryForList("SELECT * FROM agent_session_view WHERE " + where + " ORDER BY session_id"),
                "campaign_stats",
                        jdbc.queryForList("SELECT * FROM campaign_stats WHERE " + where + " ORDER BY campaign_id"),
                "campaign_stats_number",
                        jdbc.queryForList(
                                "SELECT * FROM campaign_stats_number WHERE " + where + " ORDER BY campaign_id, number"),
                "campaign_history",
                        jdbc.queryForList("SELECT * FROM campaign_history WHERE " + where + " ORDER BY global_index"),
                "disposition_event",
                        jdbc.queryForList(
                                "SELECT * FROM disposition_event WHERE " + where + " ORDER BY global_index, kind"));
    }

    private void awaitCaughtUp(ApiClient api) {
        awaitCaughtUp(api, READ_MODELS);
    }

    private void awaitCaughtUp(ApiClient api, List<String> models) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode list = api.get("/api/admin/processors").json();
            return StreamSupport.stream(list.spliterator(), false)
                    .filter(p -> models.contains(p.get("name").asText()))
                    .allMatch(p -> p.get("status").asText().equals("RUNNING")
                            && p.get("replay").isNull()
                            && p.get("lag").asLong() == 0);
        });
    }

    private long runningCampaign(ApiClient api, String name, int numbers) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < numbers; i++) {
            list.append(i == 0 ? "" : ",")
                    .append("{\"number\": \"213555000")
                    .append(i)
                    .append("\"}");
        }
        Response created = api.post(
                "/api/campaigns",
                "{\"name\": \"" + name + "\", \"fromNumber\": \"9206596476\", \"scrubLevel\": 0, " + "\"numbers\": ["
                        + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        awaitCampaignStatus(api, id, "RUNNING");
        return id;
    }

    private static void awaitCampaignStatus(ApiClient api, long id, String status) {
        await().atMost(WAIT)
                .until(() -> status.equals(
                        api.get("/api/campaigns/" + id).json().path("status").asText()));
    }

    private static long totalOf(JsonNode report) {
        long total = 0;
        for (JsonNode h : report.path("hours")) {
            total += h.get("total").asLong();
        }
        return total;
    }
}
