package com.campaignledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Credentials, roles and tenant isolation over HTTP: two accounts, each with a USER credential; every kind of
 * resource one of them owns is tried by the other and answers 404, lists show nothing of it, and nothing the
 * other tried changed the event store.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                // The same database as CampaignApiH2Test, so the two share one Spring context.
                "spring.datasource.url=jdbc:h2:mem:contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@ExtendWith(OutputCaptureExtension.class)
class TenantIsolationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient admin;
    String suffix;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new account with one credential of {@code role}: a client acting as it, and its secret. */
    private record Tenant(String accountId, String login, String secret, ApiClient api) {}

    private Tenant tenant(String name, String role) {
        String accountId = name + "-" + suffix;
        Response account =
                admin.post("/api/admin/accounts", "{\"id\": \"" + accountId + "\", \"name\": \"" + name + "\"}");
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        Response credential = admin.post(
                "/api/admin/accounts/" + accountId + "/credentials",
                "{\"login\": \"" + accountId + "-api\", \"role\": \"" + role + "\"}");
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        String login = credential.json().get("login").asText();
        String secret = credential.json().get("secret").asText();
        return new Tenant(accountId, login, secret, admin.as(login, secret));
    }

    private static long registeredAgent(ApiClient api, String userId) {
        Response created = api.post("/api/agents", "{\"name\": \"Ann\", \"userId\": \"" + userId + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long campaign(ApiClient api, String name) {
        Response created = api.post("/api/campaigns", """
                {"name": "%s", "fromNumber": "2135550100", "script": "Hi",
                 "numbers": [{"number": "2125551000"}, {"number": "2125551001"}]}""".formatted(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /**
     * Events a refused request here could have written: campaign creations, anything on {@code campaign}, and
     * any agent session's. (The simulated dialer of this shared context may be calling other tests' campaigns.)
     */
    private long events(long campaign) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "OR aggregate_identifier LIKE 'agent-session-%' OR payload_type LIKE '%.CampaignCreatedEvent'",
                Long.class, "campaign-" + campaign);
    }

    private static void assertNotFound(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void withoutOrWithWrongCredentialsEveryEndpointButHealthAnswers401WithTheBasicChallenge() {
        ApiClient anonymous = admin.anonymous();
        for (String path : new String[] {
            "/api/campaigns",
            "/api/campaigns/1",
            "/api/subscriptions",
            "/api/callbacks",
            "/api/deliveries/x",
            "/api/admin/accounts",
            "/v3/api-docs",
            "/actuator/prometheus",
            "/no/such/path"
        }) {
            Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(path).startsWith("Basic realm=\"campaign-ledger\"");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(401);
        }
        long before = events(0);
        Response post = anonymous.post("/api/campaigns", "{\"name\": \"nobody's\"}");
        assertThat(post.status()).isEqualTo(401);
        Response wrong = admin.as(ApiClient.ADMIN_LOGIN, "not-the-secret").get("/api/campaigns");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(admin.as("nobody-" + suffix, "whatever")
                        .post("/api/campaigns", "{\"name\": \"x\"}")
                        .status())
                .isEqualTo(401);
        assertThat(events(0)).as("nothing written").isEqualTo(before);

        assertThat(anonymous.get("/actuator/health").status()).isIn(200, 503);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void adminEndpointsAndOperatorMetricsNeedTheAdminRole() {
        Tenant user = tenant("roles", "USER");
        for (String path : new String[] {
            "/api/admin/accounts", "/api/admin/processors", "/api/admin/anything/new", "/actuator/info"
        }) {
            Response response = user.api().get(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(user.api()
                        .post("/api/admin/accounts", "{\"name\": \"mine\"}")
                        .status())
                .isEqualTo(403);
        assertThat(user.api().get("/api/campaigns").status()).isEqualTo(200);
        assertThat(admin.get("/actuator/info").status()).isEqualTo(200);

        // Health answers everyone, but only an operator sees what it is made of (the processors, their errors).
        for (ApiClient client : new ApiClient[] {admin.anonymous(), user.api()}) {
            Response health = client.get("/actuator/health");
            assertThat(health.status()).isIn(200, 503);
            assertThat(health.json().has("status")).isTrue();
            assertThat(health.json().has("components")).as(health.toString()).isFalse();
        }
        assertThat(admin.get("/actuator/health")
                        .json()
                        .at("/components/db/status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void campaignsAgentSessionsAndCallsOfAnotherAccountAre404AndListsDoNotShowThem() {
        Tenant a = tenant("alpha", "USER");
        Tenant b = tenant("beta", "USER");
        long campaign = campaign(a.api(), "Alpha's campaign " + suffix);
        String path = "/api/campaigns/" + campaign;
        await().atMost(Duration.ofSeconds(15)).until(() -> a.api().get(path).status() == 200);
        Response agent =
                a.api().post(path + "/agents/callback", "{\"userId\": \"ann\", \"phoneNumber\": \"6465550101\"}");
        assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
        long agentId = agent.json().get("agentId").asLong();

        long before = events(campaign);
        ApiClient other = b.api();
        assertNotFound(other.get(path));
        assertNotFound(other.get(path + "?asOf=2030-01-01T00:00:00Z"));
        assertNotFound(other.patch(path, "{\"script\": \"mine now\"}", Map.of()));
        assertNotFound(other.patch(path, "{\"script\": \"mine now\"}", Map.of("If-Match", "\"1\"")));
        assertNotFound(other.post(path + "/control", "{\"command\": \"START\"}"));
        assertNotFound(other.post(path + "/control", "{\"command\": \"ARCHIVE\"}"));
        assertNotFound(other.put(path + "/dial-ratio", "{\"ratio\": 2.0}"));
        assertNotFound(other.post(path + "/numbers", "[{\"number\": \"2125551002\"}]"));
        assertNotFound(other.delete(path + "/transfer-numbers"));
        assertNotFound(other.delete(path + "/questions"));
        assertNotFound(other.delete(path));
        assertNotFound(other.post(path + "/calls", "{\"number\": \"2125551000\", \"result\": \"BUSY\"}"));
        assertNotFound(other.get(path + "/agents"));
        // The read side's reports, JSON or CSV.
        for (String report :
                new String[] {"/stats", "/summary", "/agent-sessions", "/history", "/reports/dispositions"}) {
            assertNotFound(other.get(path + report));
        }
        assertNotFound(other.send("GET", path + "/history", null, Map.of("Accept", "text/csv")));
        assertNotFound(other.send("GET", path + "/agent-sessions", null, Map.of("Accept", "text/csv")));
        assertNotFound(other.post(path + "/agents/callback", "{\"userId\": \"eve\", \"phoneNumber\": \"6465550102\"}"));
        String agentPath = path + "/agents/" + agentId;
        assertNotFound(other.post(agentPath + "/login", "{\"userId\": \"ann\"}"));
        assertNotFound(other.get(agentPath + "/connection?waitSeconds=0"));
        assertNotFound(other.post(agentPath + "/responses", "{\"callId\": \"c1\", \"agentResponse\": \"sale\"}"));
        assertNotFound(other.post(agentPath + "/kick", null));
        assertNotFound(other.post(agentPath + "/logout", null));
        assertThat(events(campaign))
                .as("nothing the other account tried was written")
                .isEqualTo(before);

        JsonNode list = other.get("/api/campaigns?size=200").json();
        assertThat(list.get("content").findValuesAsText("id")).doesNotContain(String.valueOf(campaign));
        assertThat(list.get("totalElements").asLong()).isZero();
        assertThat(a.api().get("/api/campaigns?size=200").json().get("content").findValuesAsText("id"))
                .containsExactly(String.valueOf(campaign));
        assertThat(a.api().get(path).json().get("name").asText()).isEqualTo("Alpha's campaign " + suffix);
        // The agent sessions read model follows the events: wait for it rather than racing it.
        await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> a.api().get(path + "/agents").json().size() == 1);
        assertThat(a.api().get("/api/agent-sessions/" + agentId).status()).isEqualTo(200);
        assertNotFound(other.get("/api/agent-sessions/" + agentId));
        assertThat(other.get("/api/agent-sessions?campaignId=" + campaign)
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
        // agentId= names a registry agent of the caller's account: each account's "ann" finds that account's sessions
        // only.
        long alphaAnn = registeredAgent(a.api(), "ANN");
        long betaAnn = registeredAgent(other, "ann");
        assertThat(a.api()
                        .get("/api/agent-sessions?agentId=" + alphaAnn)
                        .json()
                        .get("content")
                        .findValuesAsText("id"))
                .containsExactly(String.valueOf(agentId));
        JsonNode foreign = other.get("/api/agent-sessions?agentId=" + alphaAnn).json();
        assertThat(foreign.get("totalElements").asLong())
                .as("another account's agent id: an empty page")
                .isZero();
        assertThat(foreign.get("content")).isEmpty();
        assertThat(a.api()
                        .get("/api/agent-sessions?agentId=" + betaAnn)
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(other.get("/api/agent-sessions?agentId=" + betaAnn)
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> a.api()
                                .get(path + "/history")
                                .json()
                                .get("totalElements")
                                .asLong()
                        > 0);
    }

    @Test
    void subscriptionsDeliveriesAndPostbacksOfAnotherAccountAre404AndListsDoNotShowThem() {
        Tenant a = tenant("gamma", "USER");
        Tenant b = tenant("delta", "USER");
        long campaign = campaign(a.api(), "Gamma's campaign");
        Response subscription = a.api().post("/api/subscriptions", """
                {"endpoint": "ops@example.com", "triggerEvent": "CAMPAIGN_STARTED", "notificationFormat": "EMAIL",
                 "campaignId": %d}""".formatted(campaign));
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
        long subscriptionId = subscription.json().get("id").asLong();
        // On a campaign that never runs, so nothing is ever sent to this (documentation-range) address.
        long quiet = campaign(a.api(), "Gamma's quiet campaign");
        Response postback =
                a.api().post("/api/callbacks/callfinish/" + quiet, "{\"postUrl\": \"https://203.0.113.10/finished\"}");
        assertThat(postback.status()).as(postback.toString()).isEqualTo(200);
        assertThat(a.api()
                        .post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        String deliveries = "/api/subscriptions/" + subscriptionId + "/deliveries";
        JsonNode delivery = await().atMost(Duration.ofSeconds(30))
                .until(() -> a.api().get(deliveries).json().path("content").path(0), d -> !d.isMissingNode());
        String deliveryId = delivery.get("id").asText();

        ApiClient other = b.api();
        String path = "/api/subscriptions/" + subscriptionId;
        assertNotFound(other.get(path));
        assertNotFound(other.patch(path, "{\"enabled\": false}", Map.of()));
        assertNotFound(other.get(path + "/deliveries"));
        assertNotFound(other.get(path + "/history"));
        assertNotFound(other.delete(path));
        assertNotFound(other.get("/api/deliveries/" + deliveryId));
        assertNotFound(other.post("/api/deliveries/" + deliveryId + "/redeliver", null));
        assertThat(other.get("/api/subscriptions").json().get("totalElements").asLong())
                .isZero();
        assertThat(other.get("/api/callbacks").json()).isEmpty();

        assertThat(a.api().get(path).json().get("enabled").asBoolean()).isTrue();
        assertThat(a.api().get("/api/deliveries/" + deliveryId).status()).isEqualTo(200);
        assertThat(a.api().get("/api/callbacks").json()).hasSize(1);
    }

    @Test
    void theActorOfEveryEventIsTheAuthenticatedLoginAndTheAccountItsAccount() {
        Tenant a = tenant("actors", "USER");
        long campaign = campaign(a.api(), "Acted");
        String metaData = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? " + "AND sequence_number = 0",
                String.class,
                "campaign-" + campaign);
        assertThat(metaData)
                .contains("\"actor\":\"" + a.login() + "\"")
                .contains("\"accountId\":\"" + a.accountId() + "\"");
    }

    @Test
    void credentialsAreCreatedShownOnceRotatedAndDisabledAndEveryChangeIsAudited(CapturedOutput output) {
        Tenant t = tenant("creds", "USER");
        assertThat(t.api().get("/api/campaigns").status()).isEqualTo(200);

        Response shown = admin.get("/api/admin/credentials/" + t.login());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain(t.secret()).doesNotContain("secret\"");
        assertThat(admin.get("/api/admin/accounts/" + t.accountId() + "/credentials")
                        .body())
                .doesNotContain(t.secret());

        Response rotated = admin.post("/api/admin/credentials/" + t.login() + "/rotate", null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.json().get("secret").asText();
        assertThat(newSecret).isNotEqualTo(t.secret());
        assertThat(t.api().get("/api/campaigns").status())
                .as("the old secret stopped working")
                .isEqualTo(401);
        ApiClient rotatedClient = admin.as(t.login(), newSecret);
        assertThat(rotatedClient.get("/api/campaigns").status()).isEqualTo(200);

        assertThat(admin.post("/api/admin/credentials/" + t.login() + "/disable", null)
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        assertThat(rotatedClient.get("/api/campaigns").status()).isEqualTo(401);
        assertThat(admin.post("/api/admin/credentials/" + t.login() + "/enable", null)
                        .status())
                .isEqualTo(200);
        assertThat(rotatedClient.get("/api/campaigns").status()).isEqualTo(200);
        assertThat(admin.post("/api/admin/accounts/" + t.accountId() + "/disable", null)
                        .status())
                .isEqualTo(200);
        assertThat(rotatedClient.get("/api/campaigns").status())
                .as("a disabled account's credentials")
                .isEqualTo(401);

        Response own = admin.post("/api/admin/credentials/" + ApiClient.ADMIN_LOGIN + "/disable", null);
        assertThat(own.status()).as("an admin cannot lock itself out").isEqualTo(409);
        assertThat(admin.post("/api/admin/accounts", "{\"id\": \"" + t.accountId() + "\", \"name\": \"again\"}")
                        .status())
                .isEqualTo(409);
        Response invalid = admin.post(
                "/api/admin/accounts/" + t.accountId() + "/credentials",
                "{\"login\": \"bad login!\", \"rol\": \"USER\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/accounts/no-such-" + suffix).status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/security-audit?page=-1").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/security-audit?size=0").status()).isEqualTo(400);

        JsonNode audit = admin.get("/api/admin/security-audit?size=200").json();
        assertThat(audit.findValuesAsText("action"))
                .contains(
                        "ACCOUNT_CREATED",
                        "CREDENTIAL_CREATED",
                        "CREDENTIAL_ROTATED",
                        "CREDENTIAL_DISABLED",
                        "CREDENTIAL_ENABLED",
                        "ACCOUNT_DISABLED");
        JsonNode rotation = null;
        for (JsonNode entry : audit) {
            if (entry.get("action").asText().equals("CREDENTIAL_ROTATED")
                    && t.login().equals(entry.get("login").asText())) {
                rotation = entry;
            }
        }
        assertThat(rotation).isNotNull();
        assertThat(rotation.get("actor").asText()).isEqualTo(ApiClient.ADMIN_LOGIN);
        assertThat(rotation.get("accountId").asText()).isEqualTo(t.accountId());
        assertThat(rotation.get("occurredAt").asText()).isNotBlank();

        assertThat(output.getAll())
                .as("no secret in the logs")
                .doesNotContain(t.secret())
                .doesNotContain(newSecret)
                .doesNotContain(ApiClient.ADMIN_SECRET);
        assertThat(audit.toString()).doesNotContain(t.secret()).doesNotContain(newSecret);
    }
}
