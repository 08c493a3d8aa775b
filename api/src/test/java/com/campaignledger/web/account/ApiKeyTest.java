package com.campaignledger.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API keys (SPEC §7): made by a credential for its own account, shown once, listed without the key, revoked at once;
 * accepted as seed 001's {@code apikey} on the postback registration (form, text/plain, query string) and nowhere
 * else; what a key writes names it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                // The same database as CampaignApiH2Test, so the two share one Spring context.
                "spring.datasource.url=jdbc:h2:mem:contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class ApiKeyTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String POST_URL = "http://93.184.216.34/call-finished";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient admin;
    ApiClient tenant;
    ApiClient other;
    String accountId;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accountId = "keys-" + suffix;
        tenant = credential(accountId);
        other = credential("other-" + suffix);
    }

    private ApiClient credential(String account) {
        assertThat(admin.post("/api/admin/accounts", "{\"id\": \"" + account + "\", \"name\": \"" + account + "\"}")
                        .status())
                .isEqualTo(201);
        Response credential = admin.post("/api/admin/accounts/" + account + "/credentials", "{}");
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        return admin.as(
                credential.json().get("login").asText(),
                credential.json().get("secret").asText());
    }

    @Test
    void aKeyIsShownOnceListedWithoutItAndRevokedAtOnce() {
        Response created = tenant.post("/api/api-keys", "{\"name\": \"Predictive front end\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().at("/apiKey/id").asText();
        String key = created.json().get("key").asText();
        assertThat(key).startsWith(id + ".").hasSizeGreaterThan(40);
        assertThat(created.header("Location")).isEqualTo("/api/api-keys/" + id);
        assertThat(jdbc.queryForObject("SELECT secret_hash FROM api_key WHERE key_id = ?", String.class, id))
                .doesNotContain(key.substring(id.length() + 1));

        JsonNode listed = tenant.get("/api/api-keys").json();
        assertThat(listed.findValuesAsText("id")).containsExactly(id);
        assertThat(listed.toString()).doesNotContain(key.substring(id.length() + 1));
        assertThat(other.get("/api/api-keys/" + id).status())
                .as("another account's key")
                .isEqualTo(404);
        assertThat(other.get("/api/api-keys").json()).isEmpty();

        // Seed 001's C# request: a form post of apikey and postUrl, no HTTP Basic.
        Response subscribed = seed001(key, "/api/callbacks/callfinish");
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(200);
        assertThat(subscribed.body()).contains("<description>Saved</description>");
        assertThat(tenant.get("/api/callbacks").json().findValuesAsText("postUrl"))
                .containsExactly(POST_URL);
        assertThat(jdbc.queryForList(
                        "SELECT actor FROM notification_audit WHERE account_id = ?", String.class, accountId))
                .as("what a key writes names it")
                .containsOnly("key:" + id);

        assertThat(other.delete("/api/api-keys/" + id).status()).isEqualTo(404);
        assertThat(tenant.delete("/api/api-keys/" + id).status()).isEqualTo(204);
        assertThat(tenant.get("/api/api-keys/" + id).json().get("revokedAt").isNull())
                .isFalse();
        Response revoked = seed001(key, "/api/callbacks/campaignfinish");
        assertThat(revoked.status()).as("a revoked key, at once").isEqualTo(401);
        assertThat(revoked.json().get("code").asText()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(tenant.get("/api/callbacks").json()).hasSize(1);
    }

    @Test
    void theKeyIsReadFromATextBodyOrTheQueryStringAndAcceptedNowhereElse() {
        String key = tenant.post("/api/api-keys", "{\"name\": \"postbacks\"}")
                .json()
                .get("key")
                .asText();
        ApiClient anonymous = admin.anonymous();

        Response text = anonymous.send(
                "POST",
                "/api/callbacks/campaignfinish",
                "apikey=" + encode(key) + "&postUrl=" + encode(POST_URL) + "\r\n",
                Map.of("Content-Type", "text/plain"));
        assertThat(text.status()).as(text.toString()).isEqualTo(200);
        Response query =
                anonymous.send("DELETE", "/api/callbacks/campaignfinish?apikey=" + encode(key), null, Map.of());
        assertThat(query.status()).as(query.toString()).isEqualTo(200);
        assertThat(query.body()).contains("<description>Deleted</description>");

        Response wrong = seed001(key.substring(0, key.length() - 2) + "xx", "/api/callbacks/callfinish");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(anonymous.get("/api/campaigns?apikey=" + encode(key)).status())
                .as("a key is no credential on the REST API")
                .isEqualTo(401);
        String id = key.substring(0, key.indexOf('.'));
        assertThat(admin.as(id, key.substring(id.length() + 1))
                        .get("/api/campaigns")
                        .status())
                .as("nor as HTTP Basic")
                .isEqualTo(401);
        assertThat(tenant.get("/api/callbacks").json()).isEmpty();
    }

    private Response seed001(String key, String path) {
        return admin.anonymous()
                .send(
                        "POST",
                        path,
                        "apikey=" + encode(key) + "&postUrl=" + encode(POST_URL),
                        Map.of("Content-Type", FORM));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
