package com.campaignledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Headers no client library would send (a JDK client refuses to): a control character, UTF-8 in a header the service
 * reads, a Content-Type or Accept that is no media type. Each a 400 problem+json naming the header, never a 500 or
 * Tomcat's HTML page, and nothing written. Sent over a raw socket.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:headers;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class HeaderProblemsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    record Raw(int status, String contentType, String body) {}

    @Test
    void aControlCharacterInAHeaderIsAProblemNotTomcatsPage() throws IOException {
        long events = events();
        Raw raw = send("POST", "/api/campaigns", "Idempotency-Key: a\u0001b\r\n", "{\"name\": \"x\"}");
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.contentType()).startsWith("application/problem+json");
        assertThat(raw.body()).contains("\"status\":400").doesNotContain("<html");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void utf8InAHeaderTheServiceReadsIsA400NamingIt() throws IOException {
        long events = events();
        for (String header :
                new String[] {"Idempotency-Key: caf\u00c3\u00a9", "Idempotency-Key: k\u00e2\u0082\u00ac"}) {
            Raw raw = send("POST", "/api/campaigns", header + "\r\n", "{\"name\": \"x\"}");
            assertThat(raw.status()).as(header).isEqualTo(400);
            assertThat(raw.contentType()).startsWith("application/problem+json");
            assertThat(raw.body()).contains("\"field\":\"Idempotency-Key\"");
        }
        Raw ifMatch = send("PATCH", "/api/campaigns/1", "If-Match: \"\u00c3\u00a9\"\r\n", "{\"name\": \"x\"}");
        assertThat(ifMatch.status()).isEqualTo(400);
        assertThat(ifMatch.body()).contains("\"field\":\"If-Match\"");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aContentTypeOrAcceptThatIsNoMediaTypeIsA400NamingIt() {
        ApiClient api = new ApiClient(port);
        long events = events();
        Response contentType =
                api.send("POST", "/api/campaigns", "{\"name\": \"x\"}", Map.of("Content-Type", "application/json;;;="));
        assertProblem(contentType, 400);
        assertThat(contentType.json().path("errors").findValuesAsText("field")).contains("Content-Type");
        Response postback = api.send(
                "POST", "/api/callbacks/callfinish", "postUrl=https://example.com/x", Map.of("Content-Type", ";;"));
        assertProblem(postback, 400);
        assertThat(postback.json().path("errors").findValuesAsText("field")).contains("Content-Type");
        Response accept = api.send("GET", "/api/campaigns", null, Map.of("Accept", ";;;"));
        assertProblem(accept, 400);
        assertThat(accept.json().path("errors").findValuesAsText("field")).contains("Accept");
        Response csv = api.send("GET", "/api/agent-sessions", null, Map.of("Accept", "text/csv;;q="));
        assertProblem(csv, 400);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void anAcceptNothingAnswersIsA406WithAProblemBody() {
        Response response = new ApiClient(port).send("GET", "/api/campaigns", null, Map.of("Accept", "image/png"));
        assertProblem(response, 406);
        assertThat(response.json().get("detail").asText()).contains("application/json");
    }

    @Test
    void a406CarriesNoETagOfTheCampaignItDidNotSend() {
        ApiClient api = new ApiClient(port);
        long id = api.post("/api/campaigns", "{\"name\": \"Tagged\", \"fromNumber\": \"2135550100\"}")
                .json()
                .get("id")
                .asLong();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + id).status() == 200);
        assertThat(api.get("/api/campaigns/" + id).header("ETag")).isNotNull();
        Response response = api.send("GET", "/api/campaigns/" + id, null, Map.of("Accept", "image/png"));
        assertProblem(response, 406);
        assertThat(response.header("ETag")).isNull();
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /** One HTTP/1.1 request over a socket; header lines are written byte for byte (ISO-8859-1). */
    private Raw send(String method, String path, String extraHeaders, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String auth = Base64.getEncoder()
                    .encodeToString(
                            (ApiClient.ADMIN_LOGIN + ":" + ApiClient.ADMIN_SECRET).getBytes(StandardCharsets.UTF_8));
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Basic " + auth + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + content.length + "\r\n" + extraHeaders + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String contentType = text.lines()
                    .filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim())
                    .findFirst()
                    .orElse("");
            int bodyStart = text.indexOf("\r\n\r\n");
            return new Raw(status, contentType, bodyStart < 0 ? "" : text.substring(bodyStart + 4));
        }
    }
}
