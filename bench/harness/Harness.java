import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Back-office and dialer load on a running Campaign Ledger, over loopback HTTP, with a fixed number of
 * concurrent clients for a fixed time. Run with {@code java bench/harness/Harness.java --help}: a single-file
 * program, no build.
 *
 * <p>Each client works campaign after campaign, as a back office and an external dialer would: create it,
 * add its numbers, START it, wait until the read model shows it RUNNING, call two agents back and log them
 * in, then one dial attempt per number, so the last one finishes the campaign: a live answer (LA) is put through
 * to one of the agents ({@code POST …/agents/{agentId}/connection}), whose connection poll gets it, the dialer
 * reports the hang-up of every other one ({@code DELETE …/connection}), and the agent stores a response, which
 * records the call on the campaign; every other result is reported by the dialer
 * ({@code POST /api/campaigns/{id}/calls}). Now and then: a read of the campaign, of its live stats, an idle
 * agent's connection poll, a PATCH of its script, and the campaign list; at the end the agents log out.
 *
 * <p>Every POST/PATCH/PUT/DELETE is a command: its latency is measured from send to response. Two projection
 * lags: the campaign view's, from a command's acknowledgement (which carries the campaign's new version) until
 * {@code GET /api/campaigns/{id}} shows that version; and the live stats', from a dial report's acknowledgement
 * until {@code GET /api/campaigns/{id}/stats} counts every attempt acknowledged so far on the campaign (the live
 * answers' too, recorded from the agents' responses). Any response other than 2xx is an error. Bounded:
 * {@code --duration} seconds after {@code --warmup}, and at most {@code --max-commands} commands.
 */
public class Harness {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern AGENT_ID = Pattern.compile("\"agentId\"\\s*:\\s*(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern ATTEMPTS = Pattern.compile("\"attempts\"\\s*:\\s*(\\d+)");
    private static final String[] RESPONSES = {"sale", "no sale", "call back later"};
    private static final String[] RESULTS = {"LA", "LA", "AM", "NO_ANS", "NO_ANS", "BUSY", "DNC"};

    private final String base;
    private final String authorization;
    private final int clients;
    private final double rate;
    private final int numbersPerCampaign;
    private final long maxCommands;
    private final HttpClient http;

    private volatile boolean measuring;
    private volatile boolean stopping;
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong allReads = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong campaigns = new AtomicLong();
    private final AtomicLong lagTimeouts = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> commandLatencies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> lags = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> statsLags = new ConcurrentLinkedQueue<>();
    /** Command latencies by kind (method and path with its ids left out): which command makes the tail. */
    private final Map<String, ConcurrentLinkedQueue<Long>> latencyByKind = new ConcurrentHashMap<>();

    Harness(Map<String, String> options) {
        this.base = options.getOrDefault("base", "http://127.0.0.1:8080");
        URI uri = URI.create(base);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        String credentials = options.getOrDefault("user", "bench") + ":" + options.getOrDefault("password", "bench");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        this.rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        this.numbersPerCampaign = Integer.parseInt(options.getOrDefault("numbers", "100"));
        this.maxCommands = Long.parseLong(options.getOrDefault("max-commands", "5000000"));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println("java Harness.java [--base http://127.0.0.1:8080] [--user U --password P] "
                        + "[--clients 8] [--duration 60] [--warmup 10] [--rate 0 (commands/s in all; 0: as fast as "
                        + "it answers)] [--numbers 100 (per campaign)] [--max-commands N] [--out result.json]");
                return;
            }
            options.put(args[i].replaceFirst("^--", ""), args[++i]);
        }
        Harness harness = new Harness(options);
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "60"));
        String summary = harness.run(warmup, duration);
        System.out.println(summary);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), summary + "\n");
        }
        System.exit(0);
    }

    String run(int warmupSeconds, int durationSeconds) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(c);
            Thread thread = new Thread(client, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(warmupSeconds * 1000L);
        long commandsBefore = commands.get();
        long callsBefore = calls.get();
        long responsesBefore = responses.get();
        long readsBefore = reads.get();
        measuring = true;
        long start = System.nanoTime();
        long end = start + durationSeconds * 1_000_000_000L;
        while (System.nanoTime() < end && commands.get() - commandsBefore < maxCommands) {
            Thread.sleep(100);
        }
        measuring = false;
        double seconds = (System.nanoTime() - start) / 1e9;
        long measuredCommands = commands.get() - commandsBefore;
        long measuredCalls = calls.get() - callsBefore;
        long measuredResponses = responses.get() - responsesBefore;
        long measuredReads = reads.get() - readsBefore;
        stopping = true;
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        long[] latency = merge(commandLatencies);
        long[] lag = merge(lags);
        long[] statsLag = merge(statsLags);
        StringBuilder json = new StringBuilder("{");
        field(json, "clients", clients);
        field(json, "targetRate", rate);
        field(json, "seconds", round(seconds));
        field(json, "commands", measuredCommands);
        field(json, "commandsPerSecond", round(measuredCommands / seconds));
        field(json, "callsPerSecond", round(measuredCalls / seconds));
        field(json, "responsesPerSecond", round(measuredResponses / seconds));
        field(json, "readsPerSecond", round(measuredReads / seconds));
        field(json, "campaignsStarted", campaigns.get());
        field(json, "p50Ms", millis(latency, 0.50));
        field(json, "p95Ms", millis(latency, 0.95));
        field(json, "p99Ms", millis(latency, 0.99));
        field(json, "maxMs", millis(latency, 1.0));
        field(json, "errors", errors.get());
        // Over the whole run, warm-up included: what the service's CPU and transaction counts are divided by.
        field(json, "allCommands", commands.get());
        field(json, "allRequests", commands.get() + allReads.get());
        field(json, "lagSamples", lag.length);
        field(json, "lagP50Ms", millis(lag, 0.50));
        field(json, "lagP99Ms", millis(lag, 0.99));
        field(json, "statsLagSamples", statsLag.length);
        field(json, "statsLagP50Ms", millis(statsLag, 0.50));
        field(json, "statsLagP99Ms", millis(statsLag, 0.99));
        field(json, "lagTimeouts", lagTimeouts.get());
        json.append("\"byCommand\":{");
        String separator = "";
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> kind : new TreeMap<>(latencyByKind).entrySet()) {
            long[] sorted = kind.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            json.append(separator).append('"').append(kind.getKey()).append("\":{\"count\":").append(sorted.length)
                    .append(",\"p50Ms\":").append(millis(sorted, 0.50)).append(",\"p99Ms\":").append(millis(sorted, 0.99))
                    .append(",\"maxMs\":").append(millis(sorted, 1.0)).append('}');
            separator = ",";
        }
        json.append("},");
        json.append("\"errorSamples\":[");
        List<String> samples = new ArrayList<>(errorSamples);
        for (int i = 0; i < samples.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(samples.get(i).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replaceAll("[\\r\\n\\t]", " ")).append('"');
        }
        return json.append("]}").toString();
    }

    private static void field(StringBuilder json, String name, Object value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static long[] merge(ConcurrentLinkedQueue<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** The q-quantile of sorted nanosecond samples, in milliseconds. */
    private static double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return round(sorted[index] / 1e6);
    }

    private final class Client implements Runnable {

        private final int number;
        private final double interval;
        private long nextSlot = System.nanoTime();
        private long[] latency = new long[1 << 14];
        private int latencyCount;
        private long[] lag = new long[1 << 10];
        private int lagCount;
        private long[] statsLag = new long[1 << 10];
        private int statsLagCount;
        private int campaignCount;

        Client(int number) {
            this.number = number;
            this.interval = rate > 0 ? 1e9 * clients / rate : 0;
        }

        @Override
        public void run() {
            try {
                while (!stopping) {
                    campaign();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                commandLatencies.add(Arrays.copyOf(latency, latencyCount));
                lags.add(Arrays.copyOf(lag, lagCount));
                statsLags.add(Arrays.copyOf(statsLag, statsLagCount));
            }
        }

        /** One campaign from creation to its last dial attempt. */
        private void campaign() throws InterruptedException {
            int n = campaignCount++;
            String name = "bench-" + number + "-" + n + "-" + System.nanoTime();
            // scrubLevel 0: the drawn DNC results put numbers on the account's DNC list, and the campaigns share numbers;
            // scrubbing would close later campaigns' numbers under the load, which is not the workload measured here.
            Response created = command("POST", "/api/campaigns", "{\"name\":\"" + name + "\",\"fromNumber\":\"2135550100\","
                    + "\"scrubLevel\":0,\"script\":\"Hello {name}\",\"retryConfig\":{\"maxAttempts\":1,\"minutesBetweenAttempts\":5}}");
            if (created == null) {
                return;
            }
            long id = Long.parseLong(match(ID, created.body()));
            String path = "/api/campaigns/" + id;
            List<String> numbers = new ArrayList<>();
            StringBuilder upload = new StringBuilder("[");
            for (int i = 0; i < numbersPerCampaign; i++) {
                String phone = String.format("+1212%03d%04d", 200 + i / 10_000, i % 10_000);
                numbers.add(phone);
                upload.append(i == 0 ? "" : ",").append("{\"number\":\"").append(phone)
                        .append("\",\"extraData\":{\"name\":\"Customer ").append(i).append("\"}}");
            }
            if (command("POST", path + "/numbers", upload.append(']').toString()) == null) {
                return;
            }
            Response started = command("POST", path + "/control", "{\"command\":\"START\"}");
            if (started == null || !visible(path, started)) {
                return;
            }
            campaigns.incrementAndGet();
            long[] agents = new long[2];
            for (int a = 0; a < agents.length; a++) {
                String user = "agent-" + number + "-" + n + "-" + a + "@example.com";
                Response callback = command("POST", path + "/agents/callback",
                        "{\"userId\":\"" + user + "\",\"phoneNumber\":\"6465550" + (100 + a) + "\"}");
                if (callback == null) {
                    return;
                }
                agents[a] = Long.parseLong(match(AGENT_ID, callback.body()));
                if (command("POST", path + "/agents/" + agents[a] + "/login", "{\"userId\":\"" + user + "\"}") == null) {
                    return;
                }
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int acknowledged = 0;
            for (int i = 0; i < numbers.size() && !stopping; i++) {
                String result = RESULTS[random.nextInt(RESULTS.length)];
                String callId = "c-" + id + "-" + i;
                long agent = agents[i % 2];
                boolean done;
                Response report = null;
                if (result.equals("LA")) {
                    done = liveCall(path + "/agents/" + agent, numbers.get(i), callId, i % 2 == 0, random);
                } else {
                    report = command("POST", path + "/calls", "{\"number\":\"" + numbers.get(i) + "\",\"result\":\""
                            + result + "\",\"durationSeconds\":" + random.nextInt(5, 120) + ",\"callId\":\"" + callId + "\"}");
                    done = report != null;
                }
                if (done) {
                    acknowledged++;
                    if (measuring) {
                        calls.incrementAndGet();
                    }
                }
                if (report != null && i % 10 == 5) {
                    statsVisible(path, report, acknowledged);
                }
                if (i % 10 == 3) {
                    read(path);
                }
                if (i % 10 == 7) {
                    read(path + "/agents/" + agents[(i + 1) % 2] + "/connection?waitSeconds=0");
                }
                if (i % 25 == 12) {
                    Response patched = command("PATCH", path, "{\"script\":\"Hello {name}, call " + i + "\"}");
                    if (patched != null) {
                        visible(path, patched);
                    }
                }
            }
            for (long agent : agents) {
                command("POST", path + "/agents/" + agent + "/logout", "{}");
            }
            if (n % 5 == 4) {
                read("/api/campaigns?status=RUNNING&size=20");
            }
        }

        /**
         * A live answer put through to an agent: the dialer connects it, the agent's poll gets it, the dialer reports
         * the hang-up (or the agent's response ends the call), and the agent stores its response.
         */
        private boolean liveCall(String agentPath, String number, String callId, boolean hangUp, ThreadLocalRandom random)
                throws InterruptedException {
            if (command("POST", agentPath + "/connection", "{\"number\":\"" + number + "\",\"callId\":\"" + callId + "\"}") == null) {
                return false;
            }
            Response screen = send("GET", agentPath + "/connection?waitSeconds=5", null);
            allReads.incrementAndGet();
            if (measuring) {
                reads.incrementAndGet();
            }
            if (screen.status() != 200 || !screen.body().contains(callId)) {
                error("the agent's poll did not get call " + callId + ": " + screen.status() + " " + screen.body());
            }
            if (hangUp && command("DELETE", agentPath + "/connection?callId=" + callId, null) == null) {
                return false;
            }
            Response stored = command("POST", agentPath + "/responses", "{\"callId\":\"" + callId + "\",\"agentResponse\":\""
                    + RESPONSES[random.nextInt(RESPONSES.length)] + "\",\"agentNotes\":\"bench\"}");
            if (stored != null && measuring) {
                responses.incrementAndGet();
            }
            return stored != null;
        }

        /**
         * Waits until the live stats count every attempt acknowledged so far on the campaign, the live answers
         * recorded from the agents' responses included; records the lag from this report's acknowledgement.
         */
        private void statsVisible(String path, Response acknowledged, int attempts) throws InterruptedException {
            long acked = acknowledged.receivedAt();
            long deadline = acked + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                Response stats = send("GET", path + "/stats", null);
                allReads.incrementAndGet();
                if (stats.status() == 200 && Long.parseLong(match(ATTEMPTS, stats.body())) >= attempts) {
                    if (measuring) {
                        if (statsLagCount == statsLag.length) {
                            statsLag = Arrays.copyOf(statsLag, statsLag.length * 2);
                        }
                        statsLag[statsLagCount++] = stats.receivedAt() - acked;
                    }
                    return;
                }
                Thread.sleep(5);
            }
            lagTimeouts.incrementAndGet();
            error(attempts + " attempts of " + path + " not in its stats after 10 s");
        }

        /** Waits until the read model shows the version a command acknowledged; records the lag. */
        private boolean visible(String path, Response acknowledged) throws InterruptedException {
            long version = Long.parseLong(match(VERSION, acknowledged.body()));
            long acked = acknowledged.receivedAt();
            long deadline = acked + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                Response view = send("GET", path, null);
                allReads.incrementAndGet();
                if (view.status() == 200 && Long.parseLong(match(VERSION, view.body())) >= version
                        && !"SETUP".equals(match(STATUS, view.body()))) {
                    record(false, view.receivedAt() - acked);
                    return true;
                }
                Thread.sleep(5);
            }
            lagTimeouts.incrementAndGet();
            error("version " + version + " of " + path + " not visible after 10 s");
            return false;
        }

        private Response command(String method, String path, String body) throws InterruptedException {
            if (interval > 0) {
                long now = System.nanoTime();
                nextSlot = Math.max(nextSlot + (long) interval, now - (long) interval);
                if (nextSlot > now) {
                    Thread.sleep((nextSlot - now) / 1_000_000, (int) ((nextSlot - now) % 1_000_000));
                }
            }
            long start = System.nanoTime();
            Response response = send(method, path, body);
            commands.incrementAndGet();
            long took = response.receivedAt() - start;
            record(true, took);
            if (measuring) {
                String kind = method + " " + path.replaceAll("/\\d+", "/{id}").replaceAll("\\?.*", "");
                latencyByKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(took);
            }
            if (response.status() / 100 != 2) {
                error(method + " " + path + " -> " + response.status() + " " + response.body());
                return null;
            }
            return response;
        }

        private void read(String path) {
            Response response = send("GET", path, null);
            allReads.incrementAndGet();
            if (measuring) {
                reads.incrementAndGet();
            }
            if (response.status() / 100 != 2) {
                error("GET " + path + " -> " + response.status() + " " + response.body());
            }
        }

        private void record(boolean command, long nanos) {
            if (!measuring) {
                return;
            }
            if (command) {
                if (latencyCount == latency.length) {
                    latency = Arrays.copyOf(latency, latency.length * 2);
                }
                latency[latencyCount++] = nanos;
            } else {
                if (lagCount == lag.length) {
                    lag = Arrays.copyOf(lag, lag.length * 2);
                }
                lag[lagCount++] = nanos;
            }
        }

        private Response send(String method, String path, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization).header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(), System.nanoTime());
            } catch (IOException e) {
                return new Response(-1, e.toString(), System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Response(-1, e.toString(), System.nanoTime());
            }
        }

        private void error(String message) {
            errors.incrementAndGet();
            if (errorSamples.size() < 10) {
                errorSamples.add(message.length() > 300 ? message.substring(0, 300) : message);
            }
        }
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(pattern + " not in " + body);
        }
        return m.group(1);
    }

    private record Response(int status, String body, long receivedAt) {
    }
}
