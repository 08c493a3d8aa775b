package com.campaignledger.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency keys on the admin endpoints, and their retention. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:idempotency;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class IdempotencyKeysTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotencyPurge purge;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    @Test
    void anAccountCreatedTwiceUnderOneKeyIsCreatedOnce() {
        String id = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\": \"" + id + "\", \"name\": \"Once\"}";
        Response first = api.post("/api/admin/accounts", body, key("acct-" + id));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response again = api.post("/api/admin/accounts", body, key("acct-" + id));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(audits(id)).isEqualTo(1);

        Response other =
                api.post("/api/admin/accounts", "{\"id\": \"" + id + "x\", \"name\": \"Other\"}", key("acct-" + id));
        assertThat(other.status()).as(other.toString()).isEqualTo(422);

        Response disabled = api.post("/api/admin/accounts/" + id + "/disable", "", key("off-" + id));
        Response disabledAgain = api.post("/api/admin/accounts/" + id + "/disable", "", key("off-" + id));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabledAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(disabledAgain.json().get("enabled").asBoolean()).isFalse();
    }

    @Test
    void aRepeatedCredentialAnswerLeavesTheSecretOutAndNoTableHoldsIt() {
        String id = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/admin/accounts", "{\"id\": \"" + id + "\", \"name\": \"Secret\"}")
                        .status())
                .isEqualTo(201);
        String body = "{\"login\": \"" + id + "-api\"}";
        Response issued = api.post("/api/admin/accounts/" + id + "/credentials", body, key("cred-" + id));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String secret = issued.json().get("secret").asText();
        assertThat(secret).isNotBlank();

        Response again = api.post("/api/admin/accounts/" + id + "/credentials", body, key("cred-" + id));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("login").asText()).isEqualTo(id + "-api");
        assertThat(again.json().get("secret").isNull()).isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM idempotent_request WHERE response_body LIKE ?",
                        Long.class,
                        "%" + secret + "%"))
                .isZero();
        assertThat(api.as(id + "-api", secret).get("/api/campaigns").status()).isEqualTo(200);
    }

    @Test
    void keysOlderThanTheRetentionArePurgedAndTheRestKept() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        assertThat(api.post("/api/campaigns", "{\"name\": \"Old\"}", key(old)).status())
                .isEqualTo(201);
        assertThat(api.post("/api/campaigns", "{\"name\": \"Recent\"}", key(recent))
                        .status())
                .isEqualTo(201);
        jdbc.update(
                "UPDATE idempotent_request SET created_at = created_at - INTERVAL '8' DAY WHERE idempotency_key = ?",
                old);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(count(old)).isZero();
        assertThat(count(recent)).isEqualTo(1);
        // Past its retention, the key is free: the same key with another body is a new request, not a 422.
        assertThat(api.post("/api/campaigns", "{\"name\": \"New under an old key\"}", key(old))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/campaigns", "{\"name\": \"Other\"}", key(recent))
                        .status())
                .isEqualTo(422);
    }

    private long count(String key) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM idempotent_request WHERE idempotency_key = ?", Long.class, key);
    }

    private long audits(String accountId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM security_audit WHERE account_id = ?", Long.class, accountId);
    }
}
