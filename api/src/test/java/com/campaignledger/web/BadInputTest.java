package com.campaignledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every command endpoint of the API, walked with bad input: malformed JSON, a body of the wrong kind, unknown
 * fields, huge bodies, a wrong content type (for each endpoint that takes a body), and per endpoint wrong types,
 * missing fields, out-of-range values, invalid phone numbers, unknown ids and illegal transitions. Each must be a
 * 4xx problem+json that names the offending field where there is one, and must leave every table a command
 * writes as it was.
 * <p>
 * The simulated dialer is off so that nothing but the request under test writes while a case runs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:badinput;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
class BadInputTest {

    /** The tables a command writes (the event store and the state kept outside it); read models are left out. */
    private static final List<String> WRITTEN_TABLES = List.of(
            "domain_event_entry",
            "snapshot_event_entry",
            "idempotent_request",
            "account",
            "api_credential",
            "security_audit",
            "notification_subscription",
            "notification_audit",
            "legacy_postback",
            "registry_agent",
            "registry_group",
            "registry_group_member",
            "campaign_roster_agent",
            "campaign_roster_group",
            "agent_invite",
            "agent_session_directory");

    /** Over ledger.max-request-bytes (2 MiB). */
    private static final String HUGE = "{\"bogusField\": \"" + "y".repeat(3_000_000) + "\"}";

    private static final String HUGE_ARRAY = "[" + HUGE + "]";
    private static final String UNKNOWN = "999999";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** One request that must be refused: what is sent, and the status and field the refusal must carry. */
    record Case(
            String name,
            String method,
            String path,
            String body,
            Map<String, String> headers,
            int status,
            String field,
            boolean chunked) {

        Case(
                String name,
                String method,
                String path,
                String body,
                Map<String, String> headers,
                int status,
                String field) {
            this(name, method, path, body, headers, status, field, false);
        }

        Case withHeaders(Map<String, String> more) {
            return new Case(name, method, path, body, more, status, field, chunked);
        }

        /** Sent without a Content-Length, so only reading it finds out how large it is. */
        Case inChunks() {
            return new Case(name, method, path, body, headers, status, field, true);
        }
    }

    /**
     * A command endpoint: a body it accepts (null when it takes none; a JSON array or object), whether it takes
     * JSON only (another content type is a 415; the legacy postbacks also read form fields), and the cases only it
     * has. The cases every endpoint with a body must pass are made from the valid body.
     */
    record Endpoint(String method, String path, String validBody, boolean jsonOnly, List<Case> specific) {

        String name() {
            return method + " " + path;
        }

        boolean arrayBody() {
            return validBody != null && validBody.startsWith("[");
        }

        List<Case> cases() {
            List<Case> cases = new ArrayList<>();
            if (validBody != null) {
                cases.add(new Case("malformed JSON", method, path, "{\"bogusField\": ", Map.of(), 400, null));
                cases.add(new Case(
                        "a body of the wrong kind",
                        method,
                        path,
                        arrayBody() ? "{\"number\": \"2135551212\"}" : "[\"not\", \"an\", \"object\"]",
                        Map.of(),
                        400,
                        null));
                cases.add(new Case(
                        "an unknown field",
                        method,
                        path,
                        validBody.replaceFirst("\\{", "{\"bogusField\": 1, "),
                        Map.of(),
                        400,
                        arrayBody() ? "[0].bogusField" : "bogusField"));
                cases.add(new Case("a duplicate key", method, path, withDuplicateKey(validBody), Map.of(), 400, null));
                cases.add(new Case("content after the document", method, path, validBody + " {}", Map.of(), 400, null));
                String huge = arrayBody() ? HUGE_ARRAY : HUGE;
                cases.add(new Case("a huge body", method, path, huge, Map.of(), 413, null));
                cases.add(new Case("a huge body in chunks", method, path, huge, Map.of(), 413, null).inChunks());
                cases.addAll(controlCharacterCases(method, path, validBody));
                if (jsonOnly) {
                    cases.add(new Case(
                            "not JSON", method, path, validBody, Map.of("Content-Type", "text/plain"), 415, null));
                }
            }
            cases.addAll(specific);
            return cases;
        }
    }

    /**
     * Every text field of the valid body, in turn, with a control character: NUL (which PostgreSQL cannot store), and
     * in the first one also ESC and a C1 control. Each a 400 naming that field.
     */
    static List<Case> controlCharacterCases(String method, String path, String validBody) {
        List<Case> cases = new ArrayList<>();
        JsonNode tree = readTree(validBody);
        List<String> fields = new ArrayList<>();
        textFields(tree, "", fields);
        for (String field : fields) {
            for (String control :
                    fields.indexOf(field) == 0 ? List.of("\\u0000", "\\u001b", "\\u0085") : List.of("\\u0000")) {
                JsonNode changed = tree.deepCopy();
                appendTo(changed, field);
                cases.add(new Case(
                        "U+" + control.substring(2).toUpperCase() + " in " + field,
                        method,
                        path,
                        changed.toString().replace("CONTROL", control),
                        Map.of(),
                        400,
                        field));
            }
        }
        return cases;
    }

    private static JsonNode readTree(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of every string value, as the API names fields: {@code retryConfig.retryResults[0]}, {@code [0].number}. */
    static void textFields(JsonNode node, String path, List<String> fields) {
        if (node.isTextual()) {
            fields.add(path);
        } else if (node.isObject()) {
            node.fields()
                    .forEachRemaining(e ->
                            textFields(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), fields));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                textFields(node.get(i), path + "[" + i + "]", fields);
            }
        }
    }

    /** Appends a placeholder to the text at {@code path}; the caller swaps in the escaped control character. */
    private static void appendTo(JsonNode root, String path) {
        JsonNode parent = root;
        String[] steps = path.replace("[", ".[").split("\\.");
        List<String> parts = new ArrayList<>();
        for (String step : steps) {
            if (!step.isEmpty()) {
                parts.add(step);
            }
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            parent = step(parent, parts.get(i));
        }
        String last = parts.get(parts.size() - 1);
        if (last.startsWith("[")) {
            int index = Integer.parseInt(last.substring(1, last.length() - 1));
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent)
                    .set(index, parent.get(index).asText() + "CONTROL");
        } else {
            ((ObjectNode) parent).put(last, parent.get(last).asText() + "CONTROL");
        }
    }

    private static JsonNode step(JsonNode node, String part) {
        return part.startsWith("[") ? node.get(Integer.parseInt(part.substring(1, part.length() - 1))) : node.get(part);
    }

    /** The body with its (first element's) first member written twice, with the same value. */
    static String withDuplicateKey(String body) {
        try {
            JsonNode tree = new ObjectMapper().readTree(body);
            ObjectNode object = (ObjectNode) (tree.isArray() ? tree.get(0) : tree);
            Map.Entry<String, JsonNode> first = object.fields().next();
            String member = new ObjectMapper().writeValueAsString(first.getKey()) + ": " + first.getValue() + ", ";
            int brace = body.indexOf('{');
            return body.substring(0, brace + 1) + member + body.substring(brace + 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the cases refer to, made once through the API itself. */
    record Fixture(
            String tag,
            long setup,
            long running,
            long archived,
            long session,
            long loggedOut,
            String user,
            long agent,
            long disabledAgent,
            long group,
            long subscription) {}

    @TestFactory
    Stream<DynamicNode> everyCommandEndpointRefusesBadInputAndWritesNothing() {
        ApiClient api = new ApiClient(port);
        Fixture f = fixture(api);
        return endpoints(f).stream()
                .map(endpoint -> DynamicContainer.dynamicContainer(
                        endpoint.name(),
                        endpoint.cases().stream()
                                .map(c -> DynamicTest.dynamicTest(
                                        c.name() + " → " + c.status(), () -> assertRefusedAndNothingWritten(api, c)))));
    }

    private void assertRefusedAndNothingWritten(ApiClient api, Case c) {
        Map<String, Long> before = rowCounts();
        Response response = c.chunked()
                ? api.sendChunked(c.method(), c.path(), c.body(), c.headers())
                : api.send(c.method(), c.path(), c.body(), c.headers());
        String shown =
                c.method() + " " + c.path() + " " + abbreviated(c.body()) + " → " + abbreviated(response.toString());
        assertThat(response.status()).as(shown).isEqualTo(c.status());
        assertThat(response.header("Content-Type")).as(shown).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).as(shown).isNotBlank();
        if (c.field() != null) {
            assertThat(response.json().path("errors").findValuesAsText("field"))
                    .as(shown)
                    .contains(c.field());
        }
        assertThat(rowCounts()).as("rows after " + shown).isEqualTo(before);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : WRITTEN_TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static Case bad(String name, String method, String path, String body, int status, String field) {
        return new Case(name, method, path, body, Map.of(), status, field);
    }

    private List<Endpoint> endpoints(Fixture f) {
        String setup = "/api/campaigns/" + f.setup();
        String running = "/api/campaigns/" + f.running();
        String archived = "/api/campaigns/" + f.archived();
        String unknownCampaign = "/api/campaigns/" + UNKNOWN;
        String session = running + "/agents/" + f.session();
        String loggedOut = running + "/agents/" + f.loggedOut();
        String agent = "/api/agents/" + f.agent();
        String group = "/api/agent-groups/" + f.group();
        String subscription = "/api/subscriptions/" + f.subscription();
        String subscribe = "{\"endpoint\": \"mailto:ops@example.com\", \"triggerEvent\": \"CAMPAIGN_STARTED\", "
                + "\"notificationFormat\": \"EMAIL\"}";
        return List.of(
                // --- campaigns
                new Endpoint(
                        "POST",
                        "/api/campaigns",
                        "{\"name\": \"Valid\"}",
                        true,
                        List.of(
                                bad("missing name", "POST", "/api/campaigns", "{\"script\": \"x\"}", 400, "name"),
                                bad("name of the wrong type", "POST", "/api/campaigns", "{\"name\": 5}", 400, "name"),
                                bad(
                                        "name too long",
                                        "POST",
                                        "/api/campaigns",
                                        "{\"name\": \"" + "x".repeat(201) + "\"}",
                                        400,
                                        "name"),
                                bad(
                                        "read-only status",
                                        "POST",
                                        "/api/campaigns",
                                        "{\"name\": \"x\", \"status\": \"RUNNING\"}",
                                        400,
                                        "status"),
                                bad(
                                        "rings out of range",
                                        "POST",
                                        "/api/campaigns",
                                        "{\"name\": \"x\", \"numberOfRings\": 0}",
                                        400,
                                        "numberOfRings"),
                                bad(
                                        "labels of the wrong type",
                                        "POST",
                                        "/api/campaigns",
                                        "{\"name\": \"x\", \"labels\": \"q4\"}",
                                        400,
                                        "labels"),
                                bad(
                                        "invalid from number",
                                        "POST",
                                        "/api/campaigns",
                                        "{\"name\": \"x\", \"fromNumber\": \"12345678\"}",
                                        400,
                                        "fromNumber"),
                                bad(
                                        "invalid number",
                                        "POST",
                                        "/api/campaigns",
                                        "{\"name\": \"x\", \"numbers\": [{\"number\": \"not a phone\"}]}",
                                        400,
                                        "numbers[0].number"),
                                bad(
                                        "unknown agent group",
                                        "POST",
                                        "/api/campaigns",
                                        "{\"name\": \"x\", \"agentGroupId\": " + UNKNOWN + "}",
                                        400,
                                        "agentGroupId"))),
                new Endpoint(
                        "PATCH",
                        setup,
                        "{\"script\": \"Hello\"}",
                        true,
                        List.of(
                                bad("name cleared", "PATCH", setup, "{\"name\": null}", 400, "name"),
                                bad("script of the wrong type", "PATCH", setup, "{\"script\": 5}", 400, "script"),
                                bad(
                                        "rings out of range",
                                        "PATCH",
                                        setup,
                                        "{\"numberOfRings\": 99}",
                                        400,
                                        "numberOfRings"),
                                bad(
                                        "calling window the wrong way round",
                                        "PATCH",
                                        setup,
                                        "{\"localRestrictBegin\": \"21:00\", \"localRestrictEnd\": \"08:00\"}",
                                        400,
                                        "localRestrictEnd"),
                                bad(
                                        "invalid transfer number",
                                        "PATCH",
                                        setup,
                                        "{\"transferNumbers\": [{\"number\": \"555\"}]}",
                                        400,
                                        "transferNumbers[0].number"),
                                bad(
                                        "retry attempts out of range",
                                        "PATCH",
                                        setup,
                                        "{\"retryConfig\": {\"maxAttempts\": 0}}",
                                        400,
                                        "retryConfig.maxAttempts"),
                                bad("stale If-Match", "PATCH", setup, "{\"script\": \"x\"}", 412, null)
                                        .withHeaders(Map.of("If-Match", "\"99\"")),
                                bad("If-Match that is no version", "PATCH", setup, "{\"script\": \"x\"}", 412, null)
                                        .withHeaders(Map.of("If-Match", "\"abc\"")),
                                bad("unknown campaign", "PATCH", unknownCampaign, "{\"script\": \"x\"}", 404, null),
                                bad("archived campaign", "PATCH", archived, "{\"script\": \"x\"}", 409, null))),
                new Endpoint(
                        "POST",
                        setup + "/control",
                        "{\"command\": \"START\"}",
                        true,
                        List.of(
                                bad("missing command", "POST", setup + "/control", "{}", 400, "command"),
                                bad(
                                        "unknown command",
                                        "POST",
                                        setup + "/control",
                                        "{\"command\": \"PAUSE\"}",
                                        400,
                                        "command"),
                                bad(
                                        "command of the wrong type",
                                        "POST",
                                        setup + "/control",
                                        "{\"command\": 1}",
                                        400,
                                        "command"),
                                bad("STOP in SETUP", "POST", setup + "/control", "{\"command\": \"STOP\"}", 409, null),
                                bad(
                                        "START while RUNNING",
                                        "POST",
                                        running + "/control",
                                        "{\"command\": \"START\"}",
                                        409,
                                        null),
                                bad(
                                        "ARCHIVE while RUNNING",
                                        "POST",
                                        running + "/control",
                                        "{\"command\": \"ARCHIVE\"}",
                                        409,
                                        null),
                                bad(
                                        "START when ARCHIVED",
                                        "POST",
                                        archived + "/control",
                                        "{\"command\": \"START\"}",
                                        409,
                                        null),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        unknownCampaign + "/control",
                                        "{\"command\": \"START\"}",
                                        404,
                                        null))),
                new Endpoint(
                        "DELETE",
                        setup,
                        null,
                        false,
                        List.of(
                                bad("while RUNNING", "DELETE", running, null, 409, null),
                                bad("unknown campaign", "DELETE", unknownCampaign, null, 404, null),
                                bad("id out of range", "DELETE", "/api/campaigns/-1", null, 404, null),
                                bad("id of the wrong type", "DELETE", "/api/campaigns/abc", null, 400, "id"),
                                bad("stale If-Match", "DELETE", setup, null, 412, null)
                                        .withHeaders(Map.of("If-Match", "\"99\"")))),
                new Endpoint(
                        "DELETE",
                        setup + "/transfer-numbers",
                        null,
                        false,
                        List.of(
                                bad("archived campaign", "DELETE", archived + "/transfer-numbers", null, 409, null),
                                bad(
                                        "unknown campaign",
                                        "DELETE",
                                        unknownCampaign + "/transfer-numbers",
                                        null,
                                        404,
                                        null))),
                new Endpoint(
                        "DELETE",
                        setup + "/questions",
                        null,
                        false,
                        List.of(
                                bad("archived campaign", "DELETE", archived + "/questions", null, 409, null),
                                bad("unknown campaign", "DELETE", unknownCampaign + "/questions", null, 404, null))),
                new Endpoint(
                        "PUT",
                        setup + "/dial-ratio",
                        "{\"ratio\": 2.0}",
                        true,
                        List.of(
                                bad("missing ratio", "PUT", setup + "/dial-ratio", "{}", 400, "ratio"),
                                bad(
                                        "ratio of the wrong type",
                                        "PUT",
                                        setup + "/dial-ratio",
                                        "{\"ratio\": \"fast\"}",
                                        400,
                                        "ratio"),
                                bad(
                                        "ratio above range",
                                        "PUT",
                                        setup + "/dial-ratio",
                                        "{\"ratio\": 4.5}",
                                        400,
                                        "ratio"),
                                bad(
                                        "ratio below range",
                                        "PUT",
                                        setup + "/dial-ratio",
                                        "{\"ratio\": 0.5}",
                                        400,
                                        "ratio"),
                                bad(
                                        "archived campaign",
                                        "PUT",
                                        archived + "/dial-ratio",
                                        "{\"ratio\": 2.0}",
                                        409,
                                        null),
                                bad(
                                        "unknown campaign",
                                        "PUT",
                                        unknownCampaign + "/dial-ratio",
                                        "{\"ratio\": 2.0}",
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        setup + "/numbers",
                        "[{\"number\": \"3105550199\"}]",
                        true,
                        List.of(
                                bad(
                                        "missing number",
                                        "POST",
                                        setup + "/numbers",
                                        "[{\"extraData\": {\"k\": \"v\"}}]",
                                        400,
                                        "[0].number"),
                                bad(
                                        "number of the wrong type",
                                        "POST",
                                        setup + "/numbers",
                                        "[{\"number\": 2135551212}]",
                                        400,
                                        "[0].number"),
                                bad(
                                        "invalid number",
                                        "POST",
                                        setup + "/numbers",
                                        "[{\"number\": \"2135551212\"}, {\"number\": \"12\"}]",
                                        400,
                                        "[1].number"),
                                bad(
                                        "extraData of the wrong type",
                                        "POST",
                                        setup + "/numbers",
                                        "[{\"number\": \"2135551212\", \"extraData\": \"x\"}]",
                                        400,
                                        "[0].extraData"),
                                bad(
                                        "archived campaign",
                                        "POST",
                                        archived + "/numbers",
                                        "[{\"number\": \"3105550199\"}]",
                                        409,
                                        null),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        unknownCampaign + "/numbers",
                                        "[{\"number\": \"3105550199\"}]",
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        running + "/calls",
                        "{\"number\": \"2125551000\", \"result\": \"BUSY\"}",
                        true,
                        List.of(
                                bad(
                                        "missing result",
                                        "POST",
                                        running + "/calls",
                                        "{\"number\": \"2125551000\"}",
                                        400,
                                        "result"),
                                bad(
                                        "missing number",
                                        "POST",
                                        running + "/calls",
                                        "{\"result\": \"LA\"}",
                                        400,
                                        "number"),
                                bad(
                                        "unknown result",
                                        "POST",
                                        running + "/calls",
                                        "{\"number\": \"2125551000\", \"result\": \"MAYBE\"}",
                                        400,
                                        "result"),
                                bad(
                                        "duration of the wrong type",
                                        "POST",
                                        running + "/calls",
                                        "{\"number\": \"2125551000\", \"result\": \"LA\", \"durationSeconds\": \"long\"}",
                                        400,
                                        "durationSeconds"),
                                bad(
                                        "negative duration",
                                        "POST",
                                        running + "/calls",
                                        "{\"number\": \"2125551000\", \"result\": \"LA\", \"durationSeconds\": -1}",
                                        400,
                                        "durationSeconds"),
                                bad(
                                        "attempt out of range",
                                        "POST",
                                        running + "/calls",
                                        "{\"number\": \"2125551000\", \"result\": \"LA\", \"attempt\": 11}",
                                        400,
                                        "attempt"),
                                bad(
                                        "start time that is no instant",
                                        "POST",
                                        running + "/calls",
                                        "{\"number\": \"2125551000\", \"result\": \"LA\", \"startTime\": \"yesterday\"}",
                                        400,
                                        "startTime"),
                                bad(
                                        "start time in the future",
                                        "POST",
                                        running + "/calls",
                                        "{\"number\": \"2125551000\", \"result\": \"LA\", \"startTime\": \""
                                                + Instant.now().plusSeconds(600) + "\"}",
                                        400,
                                        "startTime"),
                                bad(
                                        "invalid number",
                                        "POST",
                                        running + "/calls",
                                        "{\"number\": \"555\", \"result\": \"LA\"}",
                                        400,
                                        "number"),
                                bad(
                                        "number not on the list",
                                        "POST",
                                        running + "/calls",
                                        "{\"number\": \"3105550100\", \"result\": \"LA\"}",
                                        400,
                                        "number"),
                                bad(
                                        "campaign not RUNNING",
                                        "POST",
                                        setup + "/calls",
                                        "{\"number\": \"2125551000\", \"result\": \"LA\"}",
                                        409,
                                        null),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        unknownCampaign + "/calls",
                                        "{\"number\": \"2125551000\", \"result\": \"LA\"}",
                                        404,
                                        null))),
                // --- agent sessions
                new Endpoint(
                        "POST",
                        running + "/agents/callback",
                        "{\"userId\": \"new-" + f.tag() + "\", \"phoneNumber\": \"6465550101\"}",
                        true,
                        List.of(
                                bad(
                                        "missing userId",
                                        "POST",
                                        running + "/agents/callback",
                                        "{\"phoneNumber\": \"6465550101\"}",
                                        400,
                                        "userId"),
                                bad(
                                        "userId of the wrong type",
                                        "POST",
                                        running + "/agents/callback",
                                        "{\"userId\": 5, \"phoneNumber\": \"6465550101\"}",
                                        400,
                                        "userId"),
                                bad(
                                        "userId too long",
                                        "POST",
                                        running + "/agents/callback",
                                        "{\"userId\": \"" + "u".repeat(201) + "\", \"phoneNumber\": \"6465550101\"}",
                                        400,
                                        "userId"),
                                bad(
                                        "invalid phone number",
                                        "POST",
                                        running + "/agents/callback",
                                        "{\"userId\": \"x\", \"phoneNumber\": \"123\"}",
                                        400,
                                        "phoneNumber"),
                                bad(
                                        "archived campaign",
                                        "POST",
                                        archived + "/agents/callback",
                                        "{\"userId\": \"x\", \"phoneNumber\": \"6465550101\"}",
                                        409,
                                        null),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        unknownCampaign + "/agents/callback",
                                        "{\"userId\": \"x\", \"phoneNumber\": \"6465550101\"}",
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        session + "/login",
                        "{\"userId\": \"" + f.user() + "\"}",
                        true,
                        List.of(
                                bad("missing userId", "POST", session + "/login", "{}", 400, "userId"),
                                bad(
                                        "userId of the wrong type",
                                        "POST",
                                        session + "/login",
                                        "{\"userId\": [1]}",
                                        400,
                                        "userId"),
                                bad(
                                        "another user",
                                        "POST",
                                        session + "/login",
                                        "{\"userId\": \"eve-" + f.tag() + "\"}",
                                        409,
                                        null),
                                bad(
                                        "logged-out session",
                                        "POST",
                                        loggedOut + "/login",
                                        "{\"userId\": \"gone-" + f.tag() + "\"}",
                                        409,
                                        null),
                                bad(
                                        "unknown session",
                                        "POST",
                                        running + "/agents/" + UNKNOWN + "/login",
                                        "{\"userId\": \"x\"}",
                                        404,
                                        null),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        unknownCampaign + "/agents/" + f.session() + "/login",
                                        "{\"userId\": \"x\"}",
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        session + "/responses",
                        "{\"callId\": \"c-1\", \"agentResponse\": \"sale\"}",
                        true,
                        List.of(
                                bad(
                                        "missing callId",
                                        "POST",
                                        session + "/responses",
                                        "{\"agentResponse\": \"sale\"}",
                                        400,
                                        "callId"),
                                bad(
                                        "callId too long",
                                        "POST",
                                        session + "/responses",
                                        "{\"callId\": \"" + "c".repeat(101) + "\"}",
                                        400,
                                        "callId"),
                                bad(
                                        "lastCall of the wrong type",
                                        "POST",
                                        session + "/responses",
                                        "{\"callId\": \"c-1\", \"lastCall\": \"yes\"}",
                                        400,
                                        "lastCall"),
                                bad("no such call", "POST", session + "/responses", "{\"callId\": \"c-1\"}", 409, null),
                                bad(
                                        "unknown session",
                                        "POST",
                                        running + "/agents/" + UNKNOWN + "/responses",
                                        "{\"callId\": \"c-1\"}",
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        session + "/connection",
                        "{\"number\": \"2125551000\"}",
                        true,
                        List.of(
                                bad("missing number", "POST", session + "/connection", "{}", 400, "number"),
                                bad(
                                        "number of the wrong type",
                                        "POST",
                                        session + "/connection",
                                        "{\"number\": [1]}",
                                        400,
                                        "number"),
                                bad(
                                        "invalid number",
                                        "POST",
                                        session + "/connection",
                                        "{\"number\": \"555\"}",
                                        400,
                                        "number"),
                                bad(
                                        "number not on the list",
                                        "POST",
                                        session + "/connection",
                                        "{\"number\": \"3105550100\"}",
                                        400,
                                        "number"),
                                bad(
                                        "empty callId",
                                        "POST",
                                        session + "/connection",
                                        "{\"number\": \"2125551000\", \"callId\": \"\"}",
                                        400,
                                        "callId"),
                                bad(
                                        "unknown session",
                                        "POST",
                                        running + "/agents/" + UNKNOWN + "/connection",
                                        "{\"number\": \"2125551000\"}",
                                        404,
                                        null),
                                bad(
                                        "session of another campaign",
                                        "POST",
                                        setup + "/agents/" + f.session() + "/connection",
                                        "{\"number\": \"2125551000\"}",
                                        404,
                                        null))),
                new Endpoint(
                        "DELETE",
                        session + "/connection?callId=c-1",
                        null,
                        false,
                        List.of(
                                bad("missing callId", "DELETE", session + "/connection", null, 400, "callId"),
                                bad(
                                        "a control character in the query string",
                                        "DELETE",
                                        session + "/connection?callId=c-1%00",
                                        null,
                                        400,
                                        "callId"),
                                bad(
                                        "not the agent's call",
                                        "DELETE",
                                        session + "/connection?callId=c-1",
                                        null,
                                        409,
                                        null),
                                bad(
                                        "unknown session",
                                        "DELETE",
                                        running + "/agents/" + UNKNOWN + "/connection?callId=c-1",
                                        null,
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        session + "/kick",
                        null,
                        false,
                        List.of(
                                bad(
                                        "unknown session",
                                        "POST",
                                        running + "/agents/" + UNKNOWN + "/kick",
                                        null,
                                        404,
                                        null),
                                bad(
                                        "session of another campaign",
                                        "POST",
                                        setup + "/agents/" + f.session() + "/kick",
                                        null,
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        session + "/logout",
                        null,
                        false,
                        List.of(
                                bad(
                                        "unknown session",
                                        "POST",
                                        running + "/agents/" + UNKNOWN + "/logout",
                                        null,
                                        404,
                                        null),
                                bad(
                                        "session id of the wrong type",
                                        "POST",
                                        running + "/agents/abc/logout",
                                        null,
                                        400,
                                        "agentId"))),
                // --- registry: agents and groups
                new Endpoint(
                        "POST",
                        "/api/agents",
                        "{\"name\": \"Val\", \"userId\": \"val-" + f.tag() + "\"}",
                        true,
                        List.of(
                                bad("missing userId", "POST", "/api/agents", "{\"name\": \"X\"}", 400, "userId"),
                                bad(
                                        "name of the wrong type",
                                        "POST",
                                        "/api/agents",
                                        "{\"name\": 5, \"userId\": \"x-" + f.tag() + "\"}",
                                        400,
                                        "name"),
                                bad(
                                        "name too long",
                                        "POST",
                                        "/api/agents",
                                        "{\"name\": \"" + "x".repeat(201) + "\", \"userId\": \"x-" + f.tag() + "\"}",
                                        400,
                                        "name"),
                                bad(
                                        "invalid phone number",
                                        "POST",
                                        "/api/agents",
                                        "{\"name\": \"X\", \"userId\": \"x-" + f.tag()
                                                + "\", \"phoneNumber\": \"123\"}",
                                        400,
                                        "phoneNumber"),
                                bad(
                                        "invalid e-mail",
                                        "POST",
                                        "/api/agents",
                                        "{\"name\": \"X\", \"userId\": \"x-" + f.tag() + "\", \"email\": \"nope\"}",
                                        400,
                                        "email"),
                                bad(
                                        "userId taken",
                                        "POST",
                                        "/api/agents",
                                        "{\"name\": \"X\", \"userId\": \"" + f.user() + "\"}",
                                        409,
                                        "userId"))),
                new Endpoint(
                        "PATCH",
                        agent,
                        "{\"name\": \"Renamed\"}",
                        true,
                        List.of(
                                bad("name cleared", "PATCH", agent, "{\"name\": null}", 400, "name"),
                                bad(
                                        "enabled of the wrong type",
                                        "PATCH",
                                        agent,
                                        "{\"enabled\": \"yes\"}",
                                        400,
                                        "enabled"),
                                bad(
                                        "invalid phone number",
                                        "PATCH",
                                        agent,
                                        "{\"phoneNumber\": \"123\"}",
                                        400,
                                        "phoneNumber"),
                                bad("read-only groups", "PATCH", agent, "{\"groupIds\": [1]}", 400, "groupIds"),
                                bad("stale If-Match", "PATCH", agent, "{\"name\": \"Late\"}", 412, null)
                                        .withHeaders(Map.of("If-Match", "\"99\"")),
                                bad(
                                        "unknown agent",
                                        "PATCH",
                                        "/api/agents/" + UNKNOWN,
                                        "{\"name\": \"X\"}",
                                        404,
                                        null))),
                new Endpoint(
                        "DELETE",
                        agent,
                        null,
                        false,
                        List.of(
                                bad("stale If-Match", "DELETE", agent, null, 412, null)
                                        .withHeaders(Map.of("If-Match", "\"99\"")),
                                bad("unknown agent", "DELETE", "/api/agents/" + UNKNOWN, null, 404, null))),
                new Endpoint(
                        "POST",
                        "/api/agent-groups",
                        "{\"name\": \"Valid " + f.tag() + "\"}",
                        true,
                        List.of(
                                bad("missing name", "POST", "/api/agent-groups", "{}", 400, "name"),
                                bad("empty name", "POST", "/api/agent-groups", "{\"name\": \"\"}", 400, "name"),
                                bad(
                                        "name of the wrong type",
                                        "POST",
                                        "/api/agent-groups",
                                        "{\"name\": 5}",
                                        400,
                                        "name"),
                                bad(
                                        "agent ids of the wrong type",
                                        "POST",
                                        "/api/agent-groups",
                                        "{\"name\": \"G2 " + f.tag() + "\", \"agentIds\": [\"a\"]}",
                                        400,
                                        "agentIds[0]"),
                                bad(
                                        "unknown agent",
                                        "POST",
                                        "/api/agent-groups",
                                        "{\"name\": \"G2 " + f.tag() + "\", \"agentIds\": [" + UNKNOWN + "]}",
                                        400,
                                        "agentIds[0]"),
                                bad(
                                        "name taken",
                                        "POST",
                                        "/api/agent-groups",
                                        "{\"name\": \"Team " + f.tag() + "\"}",
                                        409,
                                        "name"))),
                new Endpoint(
                        "PATCH",
                        group,
                        "{\"name\": \"Renamed " + f.tag() + "\"}",
                        true,
                        List.of(
                                bad("empty name", "PATCH", group, "{\"name\": \"\"}", 400, "name"),
                                bad("name of the wrong type", "PATCH", group, "{\"name\": 5}", 400, "name"),
                                bad(
                                        "members through the rename",
                                        "PATCH",
                                        group,
                                        "{\"agentIds\": [1]}",
                                        400,
                                        "agentIds"),
                                bad("stale If-Match", "PATCH", group, "{\"name\": \"Late " + f.tag() + "\"}", 412, null)
                                        .withHeaders(Map.of("If-Match", "\"99\"")),
                                bad(
                                        "unknown group",
                                        "PATCH",
                                        "/api/agent-groups/" + UNKNOWN,
                                        "{\"name\": \"X\"}",
                                        404,
                                        null))),
                new Endpoint(
                        "DELETE",
                        group,
                        null,
                        false,
                        List.of(
                                bad("stale If-Match", "DELETE", group, null, 412, null)
                                        .withHeaders(Map.of("If-Match", "\"99\"")),
                                bad("unknown group", "DELETE", "/api/agent-groups/" + UNKNOWN, null, 404, null))),
                new Endpoint(
                        "POST",
                        group + "/agents",
                        "{\"agentIds\": [" + f.agent() + "]}",
                        true,
                        List.of(
                                bad("missing agent ids", "POST", group + "/agents", "{}", 400, "agentIds"),
                                bad("no agent ids", "POST", group + "/agents", "{\"agentIds\": []}", 400, "agentIds"),
                                bad(
                                        "agent ids of the wrong type",
                                        "POST",
                                        group + "/agents",
                                        "{\"agentIds\": \"all\"}",
                                        400,
                                        "agentIds"),
                                bad(
                                        "unknown agent",
                                        "POST",
                                        group + "/agents",
                                        "{\"agentIds\": [" + UNKNOWN + "]}",
                                        400,
                                        "agentIds[0]"),
                                bad(
                                        "unknown group",
                                        "POST",
                                        "/api/agent-groups/" + UNKNOWN + "/agents",
                                        "{\"agentIds\": [" + f.agent() + "]}",
                                        404,
                                        null))),
                new Endpoint(
                        "DELETE",
                        group + "/agents/" + f.agent(),
                        null,
                        false,
                        List.of(
                                bad(
                                        "agent not a member",
                                        "DELETE",
                                        group + "/agents/" + f.disabledAgent(),
                                        null,
                                        404,
                                        null),
                                bad(
                                        "unknown group",
                                        "DELETE",
                                        "/api/agent-groups/" + UNKNOWN + "/agents/" + f.agent(),
                                        null,
                                        404,
                                        null))),
                // --- rosters and invites
                new Endpoint(
                        "POST",
                        setup + "/roster/agents",
                        "{\"agentIds\": [" + f.agent() + "]}",
                        true,
                        List.of(
                                bad("missing agent ids", "POST", setup + "/roster/agents", "{}", 400, "agentIds"),
                                bad(
                                        "agent ids of the wrong type",
                                        "POST",
                                        setup + "/roster/agents",
                                        "{\"agentIds\": [true]}",
                                        400,
                                        "agentIds[0]"),
                                bad(
                                        "unknown agent",
                                        "POST",
                                        setup + "/roster/agents",
                                        "{\"agentIds\": [" + UNKNOWN + "]}",
                                        400,
                                        "agentIds[0]"),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        unknownCampaign + "/roster/agents",
                                        "{\"agentIds\": [" + f.agent() + "]}",
                                        404,
                                        null))),
                new Endpoint(
                        "DELETE",
                        setup + "/roster/agents/" + f.agent(),
                        null,
                        false,
                        List.of(
                                bad(
                                        "agent not on the roster",
                                        "DELETE",
                                        setup + "/roster/agents/" + f.agent(),
                                        null,
                                        404,
                                        null),
                                bad(
                                        "unknown campaign",
                                        "DELETE",
                                        unknownCampaign + "/roster/agents/" + f.agent(),
                                        null,
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        setup + "/roster/agent-groups",
                        "{\"agentGroupIds\": [" + f.group() + "]}",
                        true,
                        List.of(
                                bad(
                                        "missing group ids",
                                        "POST",
                                        setup + "/roster/agent-groups",
                                        "{}",
                                        400,
                                        "agentGroupIds"),
                                bad(
                                        "group ids of the wrong type",
                                        "POST",
                                        setup + "/roster/agent-groups",
                                        "{\"agentGroupIds\": {\"id\": 1}}",
                                        400,
                                        "agentGroupIds"),
                                bad(
                                        "unknown group",
                                        "POST",
                                        setup + "/roster/agent-groups",
                                        "{\"agentGroupIds\": [" + UNKNOWN + "]}",
                                        400,
                                        "agentGroupIds[0]"),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        unknownCampaign + "/roster/agent-groups",
                                        "{\"agentGroupIds\": [" + f.group() + "]}",
                                        404,
                                        null))),
                new Endpoint(
                        "DELETE",
                        setup + "/roster/agent-groups/" + f.group(),
                        null,
                        false,
                        List.of(
                                bad(
                                        "group not on the roster",
                                        "DELETE",
                                        setup + "/roster/agent-groups/" + f.group(),
                                        null,
                                        404,
                                        null),
                                bad(
                                        "unknown campaign",
                                        "DELETE",
                                        unknownCampaign + "/roster/agent-groups/" + f.group(),
                                        null,
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        setup + "/invites",
                        "{\"agentIds\": [" + f.agent() + "]}",
                        true,
                        List.of(
                                bad("nobody to invite", "POST", setup + "/invites", "{}", 400, "agentIds"),
                                bad(
                                        "agent ids of the wrong type",
                                        "POST",
                                        setup + "/invites",
                                        "{\"agentIds\": [\"ann\"]}",
                                        400,
                                        "agentIds[0]"),
                                bad(
                                        "unknown agent",
                                        "POST",
                                        setup + "/invites",
                                        "{\"agentIds\": [" + UNKNOWN + "]}",
                                        400,
                                        "agentIds[0]"),
                                bad(
                                        "disabled agent",
                                        "POST",
                                        setup + "/invites",
                                        "{\"agentIds\": [" + f.disabledAgent() + "]}",
                                        400,
                                        "agentIds[0]"),
                                bad(
                                        "unknown group",
                                        "POST",
                                        setup + "/invites",
                                        "{\"agentGroupIds\": [" + UNKNOWN + "]}",
                                        400,
                                        "agentGroupIds[0]"),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        unknownCampaign + "/invites",
                                        "{\"agentIds\": [" + f.agent() + "]}",
                                        404,
                                        null))),
                // --- notifications
                new Endpoint(
                        "POST",
                        "/api/subscriptions",
                        subscribe,
                        true,
                        List.of(
                                bad(
                                        "missing endpoint",
                                        "POST",
                                        "/api/subscriptions",
                                        "{\"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"JSON\"}",
                                        400,
                                        "endpoint"),
                                bad(
                                        "endpoint of the wrong type",
                                        "POST",
                                        "/api/subscriptions",
                                        "{\"endpoint\": 5, \"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"JSON\"}",
                                        400,
                                        "endpoint"),
                                bad(
                                        "unknown trigger",
                                        "POST",
                                        "/api/subscriptions",
                                        "{\"endpoint\": \"mailto:ops@example.com\", \"triggerEvent\": \"CAMPAIGN_PAUSED\", \"notificationFormat\": \"EMAIL\"}",
                                        400,
                                        "triggerEvent"),
                                bad(
                                        "endpoint that is no address",
                                        "POST",
                                        "/api/subscriptions",
                                        "{\"endpoint\": \"not an address\", \"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"JSON\"}",
                                        400,
                                        "endpoint"),
                                bad(
                                        "loopback endpoint",
                                        "POST",
                                        "/api/subscriptions",
                                        "{\"endpoint\": \"http://127.0.0.1:9/hook\", \"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"JSON\"}",
                                        400,
                                        "endpoint"),
                                bad(
                                        "campaign id out of range",
                                        "POST",
                                        "/api/subscriptions",
                                        subscribe.replace("}", ", \"campaignId\": -4}"),
                                        400,
                                        "campaignId"),
                                bad(
                                        "enabled of the wrong type",
                                        "POST",
                                        "/api/subscriptions",
                                        subscribe.replace("}", ", \"enabled\": \"yes\"}"),
                                        400,
                                        "enabled"),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        "/api/subscriptions",
                                        subscribe.replace("}", ", \"campaignId\": " + UNKNOWN + "}"),
                                        400,
                                        "campaignId"))),
                new Endpoint(
                        "PATCH",
                        subscription,
                        "{\"enabled\": false}",
                        true,
                        List.of(
                                bad(
                                        "enabled of the wrong type",
                                        "PATCH",
                                        subscription,
                                        "{\"enabled\": \"no\"}",
                                        400,
                                        "enabled"),
                                bad(
                                        "endpoint that is no address",
                                        "PATCH",
                                        subscription,
                                        "{\"endpoint\": \"not an address\"}",
                                        400,
                                        "endpoint"),
                                bad(
                                        "unknown trigger",
                                        "PATCH",
                                        subscription,
                                        "{\"triggerEvent\": \"NEVER\"}",
                                        400,
                                        "triggerEvent"),
                                bad(
                                        "unknown campaign",
                                        "PATCH",
                                        subscription,
                                        "{\"campaignId\": " + UNKNOWN + "}",
                                        400,
                                        "campaignId"),
                                bad("stale If-Match", "PATCH", subscription, "{\"enabled\": false}", 412, null)
                                        .withHeaders(Map.of("If-Match", "\"99\"")),
                                bad(
                                        "unknown subscription",
                                        "PATCH",
                                        "/api/subscriptions/" + UNKNOWN,
                                        "{\"enabled\": false}",
                                        404,
                                        null))),
                new Endpoint(
                        "DELETE",
                        subscription,
                        null,
                        false,
                        List.of(
                                bad("stale If-Match", "DELETE", subscription, null, 412, null)
                                        .withHeaders(Map.of("If-Match", "\"99\"")),
                                bad(
                                        "unknown subscription",
                                        "DELETE",
                                        "/api/subscriptions/" + UNKNOWN,
                                        null,
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        "/api/deliveries/{id}/redeliver",
                        null,
                        false,
                        List.of(bad(
                                "unknown delivery", "POST", "/api/deliveries/msg_nothing/redeliver", null, 404, null))),
                new Endpoint(
                        "POST",
                        "/api/callbacks/callfinish",
                        "{\"postUrl\": \"https://203.0.113.10/calls\"}",
                        false,
                        List.of(
                                bad("missing postUrl", "POST", "/api/callbacks/callfinish", "{}", 400, "postUrl"),
                                bad(
                                        "postUrl of the wrong type",
                                        "POST",
                                        "/api/callbacks/callfinish",
                                        "{\"postUrl\": 5}",
                                        400,
                                        "postUrl"),
                                bad(
                                        "postUrl that is no address",
                                        "POST",
                                        "/api/callbacks/callfinish",
                                        "{\"postUrl\": \"not an address\"}",
                                        400,
                                        "postUrl"),
                                bad(
                                        "loopback postUrl",
                                        "POST",
                                        "/api/callbacks/callfinish",
                                        "{\"postUrl\": \"http://127.0.0.1:9/x\"}",
                                        400,
                                        "postUrl"),
                                bad(
                                        "unknown campaign",
                                        "POST",
                                        "/api/callbacks/callfinish/" + UNKNOWN,
                                        "{\"postUrl\": \"https://203.0.113.10/calls\"}",
                                        404,
                                        null),
                                bad(
                                        "campaign id of the wrong type",
                                        "POST",
                                        "/api/callbacks/callfinish/abc",
                                        "{\"postUrl\": \"https://203.0.113.10/calls\"}",
                                        400,
                                        "campaignId"))),
                new Endpoint(
                        "POST",
                        "/api/callbacks/campaignfinish",
                        "{\"postUrl\": \"https://203.0.113.10/finished\"}",
                        false,
                        List.of(bad("missing postUrl", "POST", "/api/callbacks/campaignfinish", "{}", 400, "postUrl"))),
                new Endpoint(
                        "DELETE",
                        "/api/callbacks/callfinish/{campaignId}",
                        null,
                        false,
                        List.of(bad(
                                "unknown campaign",
                                "DELETE",
                                "/api/callbacks/callfinish/" + UNKNOWN,
                                null,
                                404,
                                null))),
                // --- administration
                new Endpoint(
                        "POST",
                        "/api/admin/accounts",
                        "{\"name\": \"Valid account\"}",
                        true,
                        List.of(
                                bad(
                                        "missing name",
                                        "POST",
                                        "/api/admin/accounts",
                                        "{\"id\": \"x-" + f.tag() + "\"}",
                                        400,
                                        "name"),
                                bad(
                                        "name of the wrong type",
                                        "POST",
                                        "/api/admin/accounts",
                                        "{\"name\": [\"a\"]}",
                                        400,
                                        "name"),
                                bad(
                                        "name too long",
                                        "POST",
                                        "/api/admin/accounts",
                                        "{\"name\": \"" + "n".repeat(201) + "\"}",
                                        400,
                                        "name"),
                                bad(
                                        "invalid id",
                                        "POST",
                                        "/api/admin/accounts",
                                        "{\"id\": \"Not An Id!\", \"name\": \"x\"}",
                                        400,
                                        "id"),
                                bad(
                                        "id taken",
                                        "POST",
                                        "/api/admin/accounts",
                                        "{\"id\": \"default\", \"name\": \"x\"}",
                                        409,
                                        null))),
                new Endpoint(
                        "POST",
                        "/api/admin/accounts/{accountId}/disable",
                        null,
                        false,
                        List.of(
                                bad(
                                        "unknown account",
                                        "POST",
                                        "/api/admin/accounts/no-such-account/disable",
                                        null,
                                        404,
                                        null),
                                bad(
                                        "unknown account (enable)",
                                        "POST",
                                        "/api/admin/accounts/no-such-account/enable",
                                        null,
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        "/api/admin/accounts/default/credentials",
                        "{\"role\": \"USER\"}",
                        true,
                        List.of(
                                bad(
                                        "unknown role",
                                        "POST",
                                        "/api/admin/accounts/default/credentials",
                                        "{\"role\": \"ROOT\"}",
                                        400,
                                        "role"),
                                bad(
                                        "invalid login",
                                        "POST",
                                        "/api/admin/accounts/default/credentials",
                                        "{\"login\": \"not a login\"}",
                                        400,
                                        "login"),
                                bad(
                                        "login of the wrong type",
                                        "POST",
                                        "/api/admin/accounts/default/credentials",
                                        "{\"login\": 5}",
                                        400,
                                        "login"),
                                bad(
                                        "login taken",
                                        "POST",
                                        "/api/admin/accounts/default/credentials",
                                        "{\"login\": \"" + ApiClient.ADMIN_LOGIN + "\"}",
                                        409,
                                        null),
                                bad(
                                        "unknown account",
                                        "POST",
                                        "/api/admin/accounts/no-such-account/credentials",
                                        "{\"role\": \"USER\"}",
                                        404,
                                        null))),
                new Endpoint(
                        "POST",
                        "/api/admin/credentials/{login}/rotate",
                        null,
                        false,
                        List.of(
                                bad(
                                        "unknown login (rotate)",
                                        "POST",
                                        "/api/admin/credentials/nobody-" + f.tag() + "/rotate",
                                        null,
                                        404,
                                        null),
                                bad(
                                        "unknown login (disable)",
                                        "POST",
                                        "/api/admin/credentials/nobody-" + f.tag() + "/disable",
                                        null,
                                        404,
                                        null),
                                bad(
                                        "unknown login (enable)",
                                        "POST",
                                        "/api/admin/credentials/nobody-" + f.tag() + "/enable",
                                        null,
                                        404,
                                        null),
                                bad(
                                        "disable one's own",
                                        "POST",
                                        "/api/admin/credentials/" + ApiClient.ADMIN_LOGIN + "/disable",
                                        null,
                                        409,
                                        null))),
                new Endpoint(
                        "POST",
                        "/api/admin/processors/{name}/replay",
                        null,
                        false,
                        List.of(
                                bad(
                                        "unknown processor",
                                        "POST",
                                        "/api/admin/processors/no-such-processor/replay",
                                        null,
                                        404,
                                        null),
                                bad(
                                        "processor that acts on events",
                                        "POST",
                                        "/api/admin/processors/campaign-notification-saga/replay",
                                        null,
                                        409,
                                        null))));
    }

    private static Fixture fixture(ApiClient api) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long setup = created(api.post(
                "/api/campaigns", "{\"name\": \"Setup " + tag + "\", \"numbers\": [{\"number\": \"2135551212\"}]}"));
        long running = created(api.post(
                "/api/campaigns",
                "{\"name\": \"Running " + tag + "\", \"fromNumber\": \"2135550100\", "
                        + "\"numbers\": [{\"number\": \"2125551000\"}, {\"number\": \"2125551001\"}]}"));
        ok(api.post("/api/campaigns/" + running + "/control", "{\"command\": \"START\"}"));
        long archived = created(api.post(
                "/api/campaigns",
                "{\"name\": \"Archived " + tag
                        + "\", \"fromNumber\": \"2135550100\", \"numbers\": [{\"number\": \"2135551212\"}]}"));
        for (String command : List.of("START", "STOP", "ARCHIVE")) {
            ok(api.post("/api/campaigns/" + archived + "/control", "{\"command\": \"" + command + "\"}"));
        }
        // The agent endpoints check the campaign's status in its read model.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "RUNNING"
                                .equals(api.get("/api/campaigns/" + running)
                                        .json()
                                        .path("status")
                                        .asText())
                        && "ARCHIVED"
                                .equals(api.get("/api/campaigns/" + archived)
                                        .json()
                                        .path("status")
                                        .asText()));
        String user = "ann-" + tag;
        long agent = created(api.post("/api/agents", "{\"name\": \"Ann\", \"userId\": \"" + user + "\"}"));
        long disabled = created(api.post("/api/agents", "{\"name\": \"Bob\", \"userId\": \"bob-" + tag + "\"}"));
        assertThat(api.delete("/api/agents/" + disabled).status()).isEqualTo(204);
        long group = created(
                api.post("/api/agent-groups", "{\"name\": \"Team " + tag + "\", \"agentIds\": [" + agent + "]}"));
        long session = created(
                api.post(
                        "/api/campaigns/" + running + "/agents/callback",
                        "{\"userId\": \"" + user + "\", \"phoneNumber\": \"6465550101\"}"),
                "agentId");
        long loggedOut = created(
                api.post(
                        "/api/campaigns/" + running + "/agents/callback",
                        "{\"userId\": \"gone-" + tag + "\", \"phoneNumber\": \"6465550102\"}"),
                "agentId");
        ok(api.post("/api/campaigns/" + running + "/agents/" + loggedOut + "/logout", null));
        long subscription = created(
                api.post(
                        "/api/subscriptions",
                        "{\"endpoint\": \"mailto:ops@example.com\", "
                                + "\"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"EMAIL\", \"enabled\": false}"));
        return new Fixture(
                tag, setup, running, archived, session, loggedOut, user, agent, disabled, group, subscription);
    }

    private static long created(Response response) {
        return created(response, "id");
    }

    private static long created(Response response, String idField) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(idField).asLong();
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
