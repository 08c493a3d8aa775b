package com.campaignledger.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Exchange;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer of a campaign's life over HTTP is one its operation documents: the status is among the operation's
 * responses, and each header the service chose to send (not a transport or browser-security header every answer
 * has) is among that response's headers. A controller that starts answering a status or a header its operation does
 * not document fails here.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:documented;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
class DocumentedAnswersTest {

    /**
     * Sent with every answer, whatever the operation: transport, caching and browser-security headers, and the
     * request and correlation ids of the logs (described in the document's introduction).
     */
    private static final Set<String> EVERY_ANSWER = Set.of(
            "cache-control",
            "connection",
            "content-length",
            "content-type",
            "date",
            "expires",
            "keep-alive",
            "pragma",
            "transfer-encoding",
            "vary",
            "x-content-type-options",
            "x-correlation-id",
            "x-frame-options",
            "x-request-id",
            "x-xss-protection");

    @LocalServerPort
    int port;

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    @Test
    void everyAnswerOfACampaignsLifeIsDocumented() throws Exception {
        ApiClient api = new ApiClient(port);
        try (AutoCloseable recording = ApiClient.record(exchanges::add)) {
            live(api);
        }
        JsonNode document = api.get("/v3/api-docs").json();
        List<String> undocumented = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            undocumented.addAll(check(document, exchange));
        }
        assertThat(exchanges).hasSizeGreaterThan(40);
        assertThat(undocumented).isEmpty();
    }

    /** A campaign's life, with the answers a client must be ready for: repeats, stale versions, errors. */
    private static void live(ApiClient api) {
        Response created = api.post("/api/campaigns", """
                {"name": "Documented", "fromNumber": "2135550100",
                 "numbers": [{"number": "2125551000", "extraData": {"name": "Ann"}}, {"number": "2125551001"}]}""", Map.of("Idempotency-Key", "documented-create"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.post(
                                "/api/campaigns",
                                "{\"name\": \"Documented\"}",
                                Map.of("Idempotency-Key", "documented-create"))
                        .status())
                .as("a repeat with another body")
                .isEqualTo(422);
        long id = created.json().get("id").asLong();
        String campaign = "/api/campaigns/" + id;
        api.get("/api/campaigns?size=1");
        Response current = api.get(campaign);
        api.patch(campaign, "{\"script\": \"Hi\"}", Map.of("If-Match", "\"999\""));
        api.patch(campaign, "{\"script\": \"Hi {name}\"}", Map.of("If-Match", current.header("ETag")));
        api.post(campaign + "/numbers", "[{\"number\": \"2125551002\"}]");
        api.get(campaign + "/numbers?size=1");
        api.send("GET", campaign + "/numbers", null, Map.of("Accept", "text/csv"));
        api.send("GET", campaign + "/stats", null, Map.of("Accept", "application/xml"));
        api.post(campaign + "/control", "{\"command\": \"START\"}");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(campaign + "/numbers")
                                .json()
                                .path("totalElements")
                                .asInt()
                        == 3);

        String agents = campaign + "/agents";
        Response callback =
                api.post(agents + "/callback", "{\"userId\": \"ann@example.com\", \"phoneNumber\": \"6465550101\"}");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        String agent = agents + "/" + callback.json().get("agentId").asLong();
        api.post(agents + "/callback", "{\"userId\": \"ann@example.com\", \"phoneNumber\": \"6465550101\"}");
        api.post(agent + "/login", "{\"userId\": \"ann@example.com\"}");
        api.get(agent + "/connection?waitSeconds=0");
        api.post(agent + "/connection", "{\"number\": \"2125551000\", \"callId\": \"sip-1\"}");
        api.get(agent + "/connection?waitSeconds=0");
        api.delete(agent + "/connection?callId=sip-1");
        api.post(agent + "/responses", "{\"callId\": \"sip-1\", \"agentResponse\": \"sale\"}");
        api.post(agent + "/logout", null);
        api.get(agents);
        api.post(campaign + "/calls", "{\"number\": \"2125551001\", \"result\": \"BUSY\"}");
        api.post(campaign + "/leads/claim", "{\"count\": 1, \"leaseSeconds\": 60}");
        api.delete(campaign + "/numbers/2125551002");
        api.delete(campaign + "/numbers/2125551000");

        for (String read : List.of("/stats", "/summary", "/history", "/pacing", "/compliance", "/agent-sessions")) {
            api.get(campaign + read);
        }
        api.get("/api/calls?campaignId=" + id + "&size=1");
        api.get("/api/campaigns/999999");
        api.get("/api/campaigns/none");
        api.anonymous().get("/api/campaigns");
        api.send("POST", "/api/campaigns", "name=x", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        api.post("/api/campaigns", "{\"name\": \"\"}");
        api.delete(campaign);
        api.post(campaign + "/control", "{\"command\": \"STOP\"}");
        api.delete(campaign + "/transfer-numbers");
        api.delete(campaign);

        registry(api);
        admin(api);
        Response list = api.post("/api/dnc-lists", "{\"name\": \"Documented\"}");
        String numbers = "/api/dnc-lists/" + list.json().get("id").asLong() + "/numbers";
        api.post(numbers, "[{\"number\": \"2135551213\", \"reason\": \"asked\"}]");
        api.get("/api/dnc-numbers?size=1");
        api.delete(numbers + "/2135551213");
        api.send("PUT", "/api/dnc-numbers/2135551212", "{\"reason\": \"asked\"}", Map.of());
        api.send("PUT", "/api/dnc-numbers/2135551212", "{\"reason\": \"asked twice\"}", Map.of());
        api.delete("/api/dnc-lists/" + list.json().get("id").asLong());
    }

    /** Agents, groups and a roster. */
    private static void registry(ApiClient api) {
        Response registered = api.post("/api/agents", "{\"name\": \"Bob\", \"userId\": \"bob@example.com\"}");
        api.post("/api/agents", "{\"name\": \"Bob\", \"userId\": \"BOB@example.com\"}");
        long agentId = registered.json().get("id").asLong();
        String agent = "/api/agents/" + agentId;
        api.get(agent);
        api.get("/api/agents?size=1");
        Response group = api.post("/api/agent-groups", "{\"name\": \"Documented\"}");
        String groupPath = "/api/agent-groups/" + group.json().get("id").asLong();
        api.patch(groupPath, "{\"name\": \"Documented too\"}", Map.of("If-Match", group.header("ETag")));
        api.post(groupPath + "/agents", "{\"agentIds\": [" + agentId + "]}");
        api.delete(groupPath + "/agents/" + agentId);
        api.get(groupPath + "/history?size=1");
        api.get("/api/agent-groups?size=1");
        String roster = "/api/campaigns/"
                + api.post("/api/campaigns", "{\"name\": \"Staffed\"}")
                        .json()
                        .get("id")
                        .asLong()
                + "/roster";
        api.post(roster + "/agents", "{\"agentIds\": [" + agentId + "]}");
        api.get(roster);
        api.delete(roster + "/agents/" + agentId);
        api.delete(groupPath);
        api.get(agent + "/history");
        api.delete(agent);
    }

    /** Accounts, credentials and processors. */
    private static void admin(ApiClient api) {
        api.post("/api/admin/accounts", "{\"id\": \"documented\", \"name\": \"Documented\"}");
        api.post("/api/admin/accounts", "{\"id\": \"documented\", \"name\": \"Documented\"}");
        api.post("/api/admin/accounts/documented/credentials", "{\"login\": \"documented-user\"}");
        api.post("/api/admin/credentials/documented-user/rotate", null);
        api.post("/api/admin/credentials/documented-user/disable", null);
        api.get("/api/admin/credentials/documented-user");
        api.get("/api/admin/security-audit?size=1");
        api.get("/api/admin/processors");
        api.get("/api/admin/dead-letters");
    }

    /** What of one answer its operation does not document. */
    private static List<String> check(JsonNode document, Exchange exchange) {
        String path = exchange.path().split("\\?", 2)[0];
        String method = exchange.method().toLowerCase();
        Optional<String> template = templates(document).stream()
                .filter(t -> document.path("paths").path(t).has(method))
                .filter(t -> Pattern.matches(t.replaceAll("\\{[^}]+}", "[^/]+"), path))
                .min(Comparator.comparing(t -> t.chars().filter(c -> c == '{').count()));
        String answer = exchange.method() + " " + exchange.path() + " " + exchange.status();
        if (template.isEmpty()) {
            return List.of(answer + ": no such operation");
        }
        JsonNode response = document.path("paths")
                .path(template.get())
                .path(method)
                .path("responses")
                .path(Integer.toString(exchange.status()));
        if (response.isMissingNode()) {
            return List.of(answer + ": status not documented for " + template.get());
        }
        List<String> missing = new ArrayList<>();
        exchange.headers().map().keySet().stream()
                .filter(h -> !EVERY_ANSWER.contains(h.toLowerCase()) && !h.startsWith(":"))
                .filter(h -> !containsIgnoringCase(response.path("headers").fieldNames(), h))
                .forEach(h -> missing.add(answer + ": header " + h + " not documented for " + template.get()));
        return missing;
    }

    private static List<String> templates(JsonNode document) {
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    private static boolean containsIgnoringCase(java.util.Iterator<String> names, String name) {
        while (names.hasNext()) {
            if (names.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
