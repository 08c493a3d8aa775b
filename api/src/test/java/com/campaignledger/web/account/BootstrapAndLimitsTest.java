package com.campaignledger.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.accounts.AccountService;
import com.campaignledger.accounts.AccountStore;
import com.campaignledger.accounts.BootstrapAdmin;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A first start without LEDGER_BOOTSTRAP_* (so the admin secret is generated and printed), with low limits:
 * a per-credential rate limit of 5 requests an hour and a lock-out after 3 failed logins.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:limits;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "ledger.dialer.enabled=false",
            "ledger.notifications.delivery.enabled=false",
            "ledger.bootstrap.login=",
            "ledger.bootstrap.password=",
            "ledger.security.rate-limit.capacity=5",
            "ledger.security.rate-limit.period=1h",
            "ledger.security.lockout.max-failures=3",
            "ledger.security.lockout.duration=1h"
        })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootstrapAndLimitsTest {

    private static final Pattern PRINTED_SECRET = Pattern.compile("secret: (\\S+)");
    /** Read from the start-up output by the first test; each credential here has only 5 requests an hour. */
    private static String adminSecret;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountStore store;

    @Autowired
    PasswordEncoder encoder;

    private ApiClient admin() {
        return new ApiClient(port).as(BootstrapAdmin.GENERATED_LOGIN, adminSecret);
    }

    @Test
    @Order(1)
    void withoutBootstrapSettingsTheFirstStartGeneratesAnAdminAndPrintsItsSecretOnce(CapturedOutput output) {
        Matcher printed = PRINTED_SECRET.matcher(output.getOut());
        assertThat(printed.find()).as("the secret is printed").isTrue();
        adminSecret = printed.group(1);
        assertThat(printed.find()).as("and printed once").isFalse();
        assertThat(output.getOut()).contains("login:  " + BootstrapAdmin.GENERATED_LOGIN);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new BootstrapAdmin(accounts, "", "", new PrintStream(again, true, StandardCharsets.UTF_8)).run();
        assertThat(again.toString(StandardCharsets.UTF_8))
                .as("a credential exists: nothing generated, nothing printed")
                .isEmpty();
        new BootstrapAdmin(accounts, BootstrapAdmin.GENERATED_LOGIN, "a-later-bootstrap-password", System.out).run();
        String hash = store.forAuthentication(BootstrapAdmin.GENERATED_LOGIN)
                .orElseThrow()
                .secretHash();
        assertThat(encoder.matches(adminSecret, hash))
                .as("a restart with settings leaves an existing login's secret")
                .isTrue();

        Response accountsList = admin().get("/api/admin/accounts");
        assertThat(accountsList.status()).as(accountsList.toString()).isEqualTo(200);
        assertThat(accountsList.json().findValuesAsText("id")).contains("default");
        assertThat(new ApiClient(port).get("/api/campaigns").status())
                .as("no test-admin in this context")
                .isEqualTo(401);
    }

    @Test
    @Order(2)
    void aCredentialOverItsRateLimitGets429WithRetryAfter() {
        ApiClient admin = admin();
        assertThat(admin.post("/api/admin/accounts", "{\"id\": \"limited\", \"name\": \"Limited\"}")
                        .status())
                .isEqualTo(201);
        Response credential = admin.post("/api/admin/accounts/limited/credentials", "{\"login\": \"limited-api\"}");
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        ApiClient limited =
                admin.as("limited-api", credential.json().get("secret").asText());
        for (int i = 0; i < 5; i++) {
            assertThat(limited.get("/api/campaigns").status()).isEqualTo(200);
        }
        Response refused = limited.get("/api/campaigns");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.json().get("status").asInt()).isEqualTo(429);
    }

    @Test
    @Order(3)
    void repeatedFailedLoginsLockTheLoginOutEvenForTheRightSecret() {
        ApiClient admin = admin();
        Response credential = admin.post("/api/admin/accounts/default/credentials", "{\"login\": \"guessed\"}");
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        String secret = credential.json().get("secret").asText();
        ApiClient guesser = admin.as("guessed", "wrong-secret");
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.get("/api/campaigns").status()).isEqualTo(401);
        }
        Response locked = admin.as("guessed", secret).get("/api/campaigns");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(locked.json().get("title").asText()).isEqualTo("Too many failed logins");
    }
}
