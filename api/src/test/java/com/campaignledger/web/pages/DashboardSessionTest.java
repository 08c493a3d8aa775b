package com.campaignledger.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's session over plain HTTP: signing in with the form, the CSRF token every change needs, the session
 * cookie that the API does not take, and the operations data that only an ADMIN session reads.
 */
class DashboardSessionTest extends BrowserPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A browser-like client: it keeps the cookies the service sets. */
    private HttpClient client;

    private String csrfHeader;
    private String csrfToken;

    /** No browser here: the HTTP exchanges are the test. */
    @BeforeEach
    @Override
    void open() {
        api = new ApiClient(port);
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @Test
    void theFormSignsInWithACredentialAndTheCookieServesTheDashboardOnly() throws Exception {
        JsonNode before = session();
        assertThat(before.get("signedIn").asBoolean()).isFalse();

        HttpResponse<String> signedIn = signIn(ApiClient.ADMIN_LOGIN, ApiClient.ADMIN_SECRET);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(204);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("LEDGER_DASHBOARD=")
                .contains("Path=/dashboard")
                .containsIgnoringCase("HttpOnly");
        JsonNode after = session();
        assertThat(after.get("signedIn").asBoolean()).isTrue();
        assertThat(after.get("login").asText()).isEqualTo(ApiClient.ADMIN_LOGIN);
        assertThat(after.get("admin").asBoolean()).isTrue();
        assertThat(send(get("/dashboard/admin/processors")).statusCode()).isEqualTo(200);

        // The API keeps HTTP Basic: the session's cookie, sent to it anyway, authenticates nothing.
        String sessionCookie = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> api = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri("/api/campaigns"))
                                .header("Cookie", sessionCookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);

        // Signed out, the cookie serves nothing any more.
        assertThat(send(withCsrf(post("/dashboard/session/end", ""))).statusCode())
                .isEqualTo(204);
        assertThat(send(get("/dashboard/campaigns/1/agents")).statusCode()).isEqualTo(401);
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        long campaign = api.post("/api/campaigns", """
                        {"name": "Csrf", "fromNumber": "9206596476", "numbers": [{"number": "3105550199"}]}""").json().get("id").asLong();
        session();
        assertThat(signIn(ApiClient.ADMIN_LOGIN, ApiClient.ADMIN_SECRET).statusCode())
                .isEqualTo(204);
        session();
        String body = "{\"command\": \"START\"}";
        HttpResponse<String> without = send(
                post("/dashboard/campaigns/" + campaign + "/control", body).header("Content-Type", "application/json"));
        assertThat(without.statusCode()).as(without.body()).isEqualTo(403);
        assertThat(JSON.readTree(without.body()).get("detail").asText()).contains("CSRF token");
        assertThat(api.get("/api/campaigns/" + campaign).json().get("status").asText())
                .isEqualTo("SETUP");

        HttpResponse<String> with = send(withCsrf(post("/dashboard/campaigns/" + campaign + "/control", body))
                .header("Content-Type", "application/json"));
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);

        // Nor is a sign-in without it.
        HttpResponse<String> signInWithout =
                send(post("/dashboard/session", form(ApiClient.ADMIN_LOGIN, ApiClient.ADMIN_SECRET))
                        .header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(signInWithout.statusCode()).isEqualTo(403);
    }

    @Test
    void wrongCredentialsAreToldInWordsAndOpenNoSession() throws Exception {
        session();
        HttpResponse<String> wrong = signIn(ApiClient.ADMIN_LOGIN, "not-the-secret");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(JSON.readTree(wrong.body()).get("detail").asText())
                .isEqualTo("The login or the secret is wrong, or the credential or its account is disabled");
        assertThat(session().get("signedIn").asBoolean()).isFalse();
        assertThat(send(get("/dashboard/campaigns/1/agents")).statusCode()).isEqualTo(401);
    }

    @Test
    void theFormLocksALoginOutAsHttpBasicDoes() throws Exception {
        String account = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/admin/accounts", "{\"id\": \"" + account + "\", \"name\": \"Locked\"}");
        JsonNode credential = api.post(
                        "/api/admin/accounts/" + account + "/credentials", "{\"login\": \"" + account + "-sup\"}")
                .json();
        String login = account + "-sup";
        session();
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(signIn(login, "wrong-" + attempt).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = signIn(login, credential.get("secret").asText());
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(locked.body()).get("code").asText()).isEqualTo("LOGIN_LOCKED");
        assertThat(session().get("signedIn").asBoolean()).isFalse();
        // The same lock holds for the API.
        assertThat(api.as(login, credential.get("secret").asText())
                        .get("/api/campaigns")
                        .status())
                .isEqualTo(429);
    }

    @Test
    void aCredentialWithoutAdminReadsNoOperations() throws Exception {
        String account = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/admin/accounts", "{\"id\": \"" + account + "\", \"name\": \"Supervisors\"}")
                        .status())
                .isEqualTo(201);
        JsonNode credential = api.post(
                        "/api/admin/accounts/" + account + "/credentials", "{\"login\": \"" + account + "-sup\"}")
                .json();
        session();
        assertThat(signIn(account + "-sup", credential.get("secret").asText()).statusCode())
                .isEqualTo(204);
        JsonNode signedIn = session();
        assertThat(signedIn.get("admin").asBoolean()).isFalse();

        HttpResponse<String> processors = send(get("/dashboard/admin/processors"));
        assertThat(processors.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(processors.body()).get("detail").asText()).isEqualTo("This needs an ADMIN credential");
        assertThat(send(withCsrf(post("/dashboard/admin/processors/campaign-view/replay", "")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(get("/dashboard/admin/dead-letters")).statusCode()).isEqualTo(403);

        // Another account's campaign is not found for this one.
        long theirs = api.post("/api/campaigns", "{\"name\": \"Not theirs\", \"fromNumber\": \"9206596476\"}")
                .json()
                .get("id")
                .asLong();
        assertThat(send(get("/dashboard/campaigns/" + theirs + "/agents")).statusCode())
                .isEqualTo(404);
        assertThat(send(get("/dashboard/events?campaign=" + theirs).header("Accept", "text/event-stream"))
                        .statusCode())
                .isEqualTo(404);

        // The stream pushes the figures and the open campaign's details, not the operations view.
        long mine = api.as(account + "-sup", credential.get("secret").asText())
                .post("/api/campaigns", "{\"name\": \"Mine\", \"fromNumber\": \"9206596476\"}")
                .json()
                .get("id")
                .asLong();
        assertThat(pushedUntilChecked("/dashboard/events?page=tab-1&campaign=" + mine))
                .contains("event:figures", "event:details")
                .doesNotContain("event:operations");
    }

    @Test
    void anAdminsPageHasItsViewsPushedAndOpeningAnotherCampaignReplacesItsStream() throws Exception {
        session();
        assertThat(signIn(ApiClient.ADMIN_LOGIN, ApiClient.ADMIN_SECRET).statusCode())
                .isEqualTo(204);
        session();
        long campaign = api.post("/api/campaigns", "{\"name\": \"Watched\", \"fromNumber\": \"9206596476\"}")
                .json()
                .get("id")
                .asLong();
        assertThat(pushedUntilChecked("/dashboard/events?page=tab-1"))
                .contains("event:figures", "event:operations")
                .doesNotContain("event:details");
        // One page's streams one after the other, more than a session's share: each replaces the one before.
        List<CompletableFuture<Long>> replaced = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            HttpResponse<Stream<String>> stream = client.send(
                    get("/dashboard/events?page=tab-2&campaign=" + campaign)
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            if (n < 3) {
                replaced.add(CompletableFuture.supplyAsync(() -> stream.body()
                        .filter(line -> line.equals("event:details"))
                        .count()));
            }
        }
        for (CompletableFuture<Long> stream : replaced) {
            assertThat(stream.get(10, TimeUnit.SECONDS))
                    .as("ended, its details pushed")
                    .isPositive();
        }
        assertThat(send(get("/dashboard/events?page=" + "x".repeat(65)).header("Accept", "text/event-stream"))
                        .statusCode())
                .isEqualTo(400);
    }

    /** The events a new stream pushes until the first heartbeat (within 5 s), when it is closed. */
    private List<String> pushedUntilChecked(String path) throws Exception {
        HttpResponse<Stream<String>> stream = client.send(
                get(path).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (Stream<String> lines = stream.body()) {
            return CompletableFuture.supplyAsync(() -> lines.filter(line -> line.startsWith("event:"))
                            .takeWhile(line -> !line.equals("event:checked"))
                            .toList())
                    .get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSessionHasAFewLiveStreamsWhichEndWithIt() throws Exception {
        session();
        assertThat(signIn(ApiClient.ADMIN_LOGIN, ApiClient.ADMIN_SECRET).statusCode())
                .isEqualTo(204);
        session();
        List<CompletableFuture<Long>> ended = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            HttpResponse<Stream<String>> stream = client.send(
                    get("/dashboard/events")
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            // The figures come first; the stream is read to its end, which signing out brings.
            ended.add(CompletableFuture.supplyAsync(() ->
                    stream.body().filter(line -> line.equals("event:figures")).count()));
        }
        HttpResponse<String> fourth = send(get("/dashboard/events").header("Accept", "text/event-stream"));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(fourth.body()).get("detail").asText())
                .isEqualTo("This session has 3 live streams open already: close a dashboard tab");

        assertThat(send(withCsrf(post("/dashboard/session/end", ""))).statusCode())
                .isEqualTo(204);
        for (CompletableFuture<Long> stream : ended) {
            assertThat(stream.get(10, TimeUnit.SECONDS)).isPositive();
        }
    }

    private JsonNode session() throws IOException, InterruptedException {
        HttpResponse<String> response = send(get("/dashboard/session"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode session = JSON.readTree(response.body());
        csrfHeader = session.get("csrfHeader").asText();
        csrfToken = session.get("csrfToken").asText();
        return session;
    }

    private HttpResponse<String> signIn(String login, String secret) throws IOException, InterruptedException {
        return send(withCsrf(post("/dashboard/session", form(login, secret)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    private static String form(String login, String secret) {
        return "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        return request.header(csrfHeader, csrfToken);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
