package com.campaignledger.testsupport;

import com.campaignledger.kernel.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A plain HTTP client for the tests: real requests over loopback, JSON bodies read as trees. It authenticates
 * as the bootstrap admin every test context has ({@code src/test/resources/application.properties}) unless
 * made with {@link #as} or {@link #anonymous()}.
 */
public final class ApiClient {

    public static final String ADMIN_LOGIN = "test-admin";
    public static final String ADMIN_SECRET = "test-admin-secret-0001";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request and its answer, as the exchanges of a test see them. */
    public record Exchange(String method, String path, int status, java.net.http.HttpHeaders headers) {}

    /** Told of every exchange of every client while registered (see {@link #record}). */
    private static final java.util.List<java.util.function.Consumer<Exchange>> LISTENERS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Tells {@code listener} of every exchange made by any client until the returned handle is closed: the
     * documentation test checks each answer against the OpenAPI document.
     */
    public static AutoCloseable record(java.util.function.Consumer<Exchange> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /**
     * HTTP/1.1 only: the JDK client's default cleartext HTTP/2 upgrade attempt against Tomcat has left requests
     * waiting on a pooled connection. A request that gets no answer fails after two minutes instead of hanging.
     */
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    /** The Authorization header, or null for none. */
    private final String authorization;

    public ApiClient(int port) {
        this("http://localhost:" + port, basic(ADMIN_LOGIN, ADMIN_SECRET));
    }

    private ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same server, as another credential. */
    public ApiClient as(String login, String secret) {
        return new ApiClient(base, basic(login, secret));
    }

    /** The same server, without credentials. */
    public ApiClient anonymous() {
        return new ApiClient(base, null);
    }

    private static String basic(String login, String secret) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((login + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A response: status, headers and the body (as JSON when it is JSON, else as text). */
    public record Response(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /**
     * Every problem any test meets must be of a kind the catalogue documents: its {@code type} a
     * {@code /problems/…} page of a {@link ProblemType} of the answer's status, {@code code} that kind's name,
     * {@code instance} the request's path.
     */
    static void assertDocumentedProblem(String request, HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")
                || response.body().isBlank()) {
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(request + ": a problem that is not JSON: " + response.body(), e);
        }
        String shown = request + " → " + response.statusCode() + " " + response.body();
        String type = problem.path("type").asText();
        if (!type.startsWith("/problems/")) {
            throw new AssertionError("a problem without a documented type: " + shown);
        }
        ProblemType kind = ProblemType.bySlug(type.substring("/problems/".length()))
                .orElseThrow(() -> new AssertionError("a problem type not in the catalogue: " + shown));
        if (!kind.name().equals(problem.path("code").asText())
                || (kind.status() != 0 && kind.status() != response.statusCode())
                || problem.path("status").asInt() != response.statusCode()
                || !problem.path("instance").asText().startsWith("/")) {
            throw new AssertionError("a problem whose code, status or instance does not fit its type: " + shown);
        }
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    public Response post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Response patch(String path, String body, Map<String, String> headers) {
        return send("PATCH", path, body, headers);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        return send(
                method,
                path,
                body,
                headers,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    /** As {@link #send}, but the body is streamed in chunks, without announcing its length. */
    public Response sendChunked(String method, String path, String body, Map<String, String> headers) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(
                method,
                path,
                body,
                headers,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));
    }

    private Response send(
            String method, String path, String body, Map<String, String> headers, HttpRequest.BodyPublisher publisher) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(java.time.Duration.ofMinutes(2))
                .method(method, publisher);
        if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Authorization"))) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertDocumentedProblem(method + " " + path, response);
            Exchange exchange = new Exchange(method, path, response.statusCode(), response.headers());
            LISTENERS.forEach(listener -> listener.accept(exchange));
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
