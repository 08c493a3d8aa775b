package com.campaignledger.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dialable list and the numbers of a campaign over HTTP, on every database profile (the subclasses). */
abstract class LeadsContract {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        // An account of its own: numbers on another test's DNC lists are not scrubbed here.
        ApiClient admin = new ApiClient(port);
        String account = "leads-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/admin/accounts", "{\"id\": \"" + account + "\", \"name\": \"Leads\"}");
        Response credential =
                admin.post("/api/admin/accounts/" + account + "/credentials", "{\"login\": \"" + account + "-api\"}");
        api = admin.as(account + "-api", credential.json().get("secret").asText());
    }

    long running(String settings, int numbers, String prefix) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < numbers; i++) {
            list.append(i == 0 ? "" : ", ").append(String.format("{\"number\": \"%s%04d\"}", prefix, i));
        }
        Response created = api.post(
                "/api/campaigns",
                "{\"name\": \"Leads\", \"fromNumber\": \"2135550100\"" + settings + ", \"numbers\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + id).status() == 200);
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + id + "/numbers")
                                .json()
                                .get("totalElements")
                                .asLong()
                        == numbers);
        return id;
    }

    private List<String> claim(long campaign, int count) {
        Response r = api.post("/api/campaigns/" + campaign + "/leads/claim", "{\"count\": " + count + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        r.json().get("leads").forEach(l -> numbers.add(l.get("number").asText()));
        return numbers;
    }

    @Test
    void dueNumbersAreLeasedOnceUntilTheirAttemptIsReported() {
        long campaign = running("", 5, "213555");
        List<String> first = claim(campaign, 3);
        assertThat(first).hasSize(3);
        List<String> second = claim(campaign, 5);
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(claim(campaign, 5)).as("all leased").isEmpty();
        assertThat(api.get("/api/campaigns/" + campaign + "/numbers?state=LEASED")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(5);

        Response call = api.post(
                "/api/campaigns/" + campaign + "/calls",
                "{\"number\": \"" + first.get(0) + "\", \"result\": \"LA\", \"durationSeconds\": 30}");
        assertThat(call.status()).isEqualTo(200);
        JsonNode finals = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/campaigns/" + campaign + "/numbers?state=FINAL")
                                .json(),
                        page -> page.get("totalElements").asLong() == 1);
        JsonNode done = finals.get("content").get(0);
        assertThat(done.get("number").asText()).isEqualTo(first.get(0));
        assertThat(done.get("lastResult").asText()).isEqualTo("LA");
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.get("leaseUntil").isNull())
                .as("the report ended the lease")
                .isTrue();
    }

    @Test
    void scrubbedNumbersAndNumbersOutsideTheirCallingWindowAreNotHandedOut() {
        long list = api.get("/api/dnc-lists").json().get(0).get("id").asLong();
        api.post("/api/dnc-lists/" + list + "/numbers", "[{\"number\": \"3105550000\"}]");
        long campaign = running("", 2, "310555");
        assertThat(claim(campaign, 5)).containsExactly("+13105550001");
        assertThat(api.get("/api/campaigns/" + campaign + "/numbers?state=SCRUBBED")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);

        // A window that Los Angeles is outside of now: an hour in the other half of its day.
        boolean morning = LocalTime.now(ZoneId.of("America/Los_Angeles")).isBefore(LocalTime.NOON);
        String window = morning
                ? ", \"localRestrictBegin\": \"13:00\", \"localRestrictEnd\": \"14:00\""
                : ", \"localRestrictBegin\": \"01:00\", \"localRestrictEnd\": \"02:00\"";
        long closed = running(window, 3, "213556");
        assertThat(claim(closed, 3)).as("outside their calling window").isEmpty();
    }

    /** A number not dialled to its final result can be removed: never handed out again, REMOVED in the list. */
    @Test
    void aRemovedNumberIsNeverHandedOutAgain() {
        long campaign = running("", 2, "213560");
        assertThat(api.delete("/api/campaigns/" + campaign + "/numbers/+12135600000")
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + campaign + "/numbers?state=REMOVED")
                                .json()
                                .get("totalElements")
                                .asLong()
                        == 1);
        assertThat(claim(campaign, 5)).containsExactly("+12135600001");
        assertThat(api.delete("/api/campaigns/" + campaign + "/numbers/2135600000")
                        .status())
                .as("already removed")
                .isEqualTo(409);
        assertThat(api.delete("/api/campaigns/" + campaign + "/numbers/2135609999")
                        .status())
                .isEqualTo(400);
        assertThat(new ApiClient(port)
                        .delete("/api/campaigns/" + campaign + "/numbers/2135600001")
                        .status())
                .as("another account")
                .isEqualTo(404);
    }

    /** A CSV upload: a number column, the other columns as extraData, the JSON upload's rules and answer. */
    @Test
    void numbersAreUploadedAsCsv() {
        long campaign = running("", 1, "213561");
        String path = "/api/campaigns/" + campaign + "/numbers";
        java.util.Map<String, String> csv = java.util.Map.of("Content-Type", "text/csv");
        Response added = api.send(
                "POST",
                path,
                "number,name,zip\n(213) 562-0000,Ann,90001\n2135620001,\"Bob, Jr.\",\n2135620000,Ann,\n",
                csv);
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("added").asInt()).isEqualTo(2);
        assertThat(added.json().get("duplicatesSkipped").asInt()).isEqualTo(1);
        JsonNode ann = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get(path + "?size=10").json(),
                        page -> page.get("totalElements").asLong() == 3)
                .get("content");
        JsonNode first = java.util.stream.StreamSupport.stream(ann.spliterator(), false)
                .filter(n -> n.get("number").asText().equals("+12135620000"))
                .findFirst()
                .orElseThrow();
        assertThat(first.at("/extraData/name").asText()).isEqualTo("Ann");
        assertThat(first.at("/extraData/zip").asText()).isEqualTo("90001");

        Response bad = api.send("POST", path, "number,name\n2135620002,Cy\nnot a number,Di\n", csv);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("line 3: number");
        Response noColumn = api.send("POST", path, "phone,name\n2135620003,Ed\n", csv);
        assertThat(noColumn.status()).isEqualTo(400);
        assertThat(noColumn.json().path("errors").findValuesAsText("field")).contains("body");
        assertThat(api.get(path).json().get("totalElements").asLong())
                .as("nothing written")
                .isEqualTo(3);
    }

    @Test
    void claimsAreCheckedAndOnlyForRunningCampaigns() {
        long campaign = running("", 1, "213557");
        String path = "/api/campaigns/" + campaign + "/leads/claim";
        assertThat(api.post(path, "{\"count\": 0}").json().path("errors").findValuesAsText("field"))
                .contains("count");
        assertThat(api.post(path, "{\"count\": 1, \"leaseSeconds\": 99999}")
                        .json()
                        .path("errors")
                        .findValuesAsText("field"))
                .contains("leaseSeconds");
        api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"STOP\"}");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.post(path, "{\"count\": 1}").status() == 409);
        assertThat(api.post("/api/campaigns/999999/leads/claim", "{\"count\": 1}")
                        .status())
                .isEqualTo(404);
    }

    /** Two dialers claiming at once never hold one number together. */
    @Test
    void concurrentClaimersNeverShareANumber() {
        long campaign = running("", 120, "213558");
        List<CompletableFuture<List<String>>> claimers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            claimers.add(CompletableFuture.supplyAsync(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    List<String> got = claim(campaign, 7);
                    if (got.isEmpty()) {
                        break;
                    }
                    mine.addAll(got);
                }
                return mine;
            }));
        }
        List<String> all = new ArrayList<>();
        claimers.forEach(c -> all.addAll(c.join()));
        Set<String> distinct = new HashSet<>(all);
        assertThat(distinct).as("no number handed out twice").hasSameSizeAs(all);
        assertThat(all).hasSize(120);
    }

    /** QueryCalls / GetCall: every attempt, with the agent's response joined by call id, only the account's. */
    @Test
    void everyCallIsOnRecordWithTheAgentsResponse() {
        long campaign = running("", 3, "213559");
        String calls = "/api/campaigns/" + campaign + "/calls";
        assertThat(api.post(
                                calls,
                                "{\"number\": \"2135590000\", \"result\": \"BUSY\", \"callId\": \"q-1\", "
                                        + "\"durationSeconds\": 4}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(calls, "{\"number\": \"2135590001\", \"result\": \"NO_ANS\", \"callId\": \"q-2\"}")
                        .status())
                .isEqualTo(200);
        String agents = "/api/campaigns/" + campaign + "/agents";
        long agent = api.post(agents + "/callback", "{\"userId\": \"q@example.com\", \"phoneNumber\": \"6465550101\"}")
                .json()
                .get("agentId")
                .asLong();
        assertThat(api.post(agents + "/" + agent + "/login", "{\"userId\": \"q@example.com\"}")
                        .status())
                .isEqualTo(200);
        Response connected =
                api.post(agents + "/" + agent + "/connection", "{\"number\": \"2135590002\", \"callId\": \"q-3\"}");
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        Response stored = api.post(
                agents + "/" + agent + "/responses",
                "{\"callId\": \"q-3\", \"agentResponse\": \"sale\", \"agentNotes\": \"happy\", "
                        + "\"storedData\": {\"willvote\": \"yes\"}}");
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);

        JsonNode sale = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/calls/q-3").json(),
                        c -> c.path("result").asText().equals("LA")
                                && c.path("agentResponse").asText().equals("sale"));
        assertThat(sale.get("agentId").asLong()).isEqualTo(agent);
        assertThat(sale.get("agentNotes").asText()).isEqualTo("happy");
        assertThat(sale.at("/storedData/willvote").asText()).isEqualTo("yes");
        assertThat(sale.get("number").asText()).isEqualTo("+12135590002");

        JsonNode all = api.get("/api/calls?campaignId=" + campaign).json();
        assertThat(all.get("totalElements").asLong()).isEqualTo(3);
        JsonNode busy =
                api.get("/api/calls?campaignId=" + campaign + "&result=BUSY").json();
        assertThat(busy.get("content")).hasSize(1);
        assertThat(busy.at("/content/0/callId").asText()).isEqualTo("q-1");
        assertThat(busy.at("/content/0/durationSeconds").asInt()).isEqualTo(4);
        assertThat(api.get("/api/calls?number=2135590001")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
        assertThat(new ApiClient(port).get("/api/calls/q-3").status())
                .as("another account")
                .isEqualTo(404);
        assertThat(api.get("/api/calls?result=MAYBE").status()).isEqualTo(400);

        Response csv =
                api.send("GET", "/api/calls?campaignId=" + campaign, null, java.util.Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"calls.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines)
                .first()
                .isEqualTo("callId,campaignId,number,result,attempt,startTime,durationSeconds,agentId,agentResponse,"
                        + "agentNotes,storedData,violation");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("q-1," + campaign + ",+12135590000,BUSY,");
        assertThat(lines.get(3))
                .startsWith("q-3," + campaign + ",+12135590002,LA,")
                .endsWith("," + agent + ",sale,happy,\"{\"\"willvote\"\":\"\"yes\"\"}\",");
    }

    /** Every number as CSV, read in batches: none lost or repeated where one batch ends and the next begins. */
    @Test
    void numbersAreExportedAsCsv() {
        int count = 1203;
        long campaign = running("", count, "213563");
        Response csv = api.send(
                "GET", "/api/campaigns/" + campaign + "/numbers", null, java.util.Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"campaign-" + campaign + "-numbers.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("number,state,attempts,lastResult,nextAttemptAt,leaseUntil,extraData");
        List<String> numbers =
                lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(String.format("+1213563%04d", i));
        }
        assertThat(numbers).containsExactlyElementsOf(expected);
        assertThat(lines.get(1)).isEqualTo("+12135630000,PENDING,0,,,,");

        claim(campaign, 2);
        Response leased = api.send(
                "GET",
                "/api/campaigns/" + campaign + "/numbers?state=LEASED",
                null,
                java.util.Map.of("Accept", "text/csv"));
        assertThat(leased.body().lines().skip(1).map(l -> l.split(",")[1]))
                .as("the state filter")
                .containsExactly("LEASED", "LEASED");
    }
}
