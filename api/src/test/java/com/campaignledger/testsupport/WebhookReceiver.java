package com.campaignledger.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A webhook receiver on loopback (the JDK's HTTP server): records every request as it arrives and answers
 * as scripted per path (a status, optionally held back until a latch opens, at most 10 seconds); 200 when
 * nothing is scripted. Counts how many requests it holds at once.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as it arrived: path, headers (lower-case names), body. */
    public record Received(String path, Map<String, String> headers, String body, Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** How to answer one request: this status, after {@code hold} opens (null: at once). */
    public record Reply(int status, CountDownLatch hold) {

        public static Reply status(int status) {
            return new Reply(status, null);
        }

        public static Reply heldUntil(CountDownLatch hold, int status) {
            return new Reply(status, hold);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Reply> always = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a receiver on loopback", e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests to {@code path} with these replies, in order, then 200 (or the standing reply). */
    public void script(String path, Reply... replies) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /** Answers every request to {@code path} with this reply, once the script is used up. */
    public void always(String path, Reply reply) {
        always.put(path, reply);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> e.getKey().toLowerCase(Locale.ROOT),
                            e -> String.join(",", e.getValue()),
                            (a, b) -> a));
            received.add(new Received(path, headers, body, Instant.now()));
            Reply reply = next(path);
            if (reply.hold() != null) {
                try {
                    reply.hold().await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.sendResponseHeaders(reply.status(), -1);
            } catch (IOException e) {
                // The sender gave up waiting (its time-out): nothing to answer.
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private synchronized Reply next(String path) {
        Deque<Reply> script = scripts.get(path);
        if (script != null && !script.isEmpty()) {
            return script.poll();
        }
        return always.getOrDefault(path, Reply.status(200));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
