package com.campaignledger.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The campaign REST contract over real HTTP, run on every database profile (see the subclasses):
 * each endpoint, each kind of bad input (which must write no event), idempotent repeats.
 */
abstract class CampaignApiContract {

    static final String SEED_000 = """
            {"name": "Test Broadcast Service (text to speech)",
             "fromNumber": "9206596476",
             "retryConfig": {"maxAttempts": 3, "minutesBetweenAttempts": 5, "retryResults": ["BUSY", "NO_ANS"]},
             "transferNumbers": [{"number": "2135551212"}]}""";

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    long create(String body) {
        Response created = api.post("/api/campaigns", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** The campaign once the read model shows at least {@code version}. */
    JsonNode awaitVersion(long id, long version) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/campaigns/" + id),
                        r -> r.status() == 200 && r.json().get("version").asLong() >= version)
                .json();
    }

    void assertRejected(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field"))
                    .as(response.toString())
                    .contains(field);
        }
    }

    @Test
    void seedCampaignComesBackWithEveryFieldAsSent() {
        Response created = api.post("/api/campaigns", SEED_000);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(id).isPositive();
        assertThat(created.header("Location")).isEqualTo("/api/campaigns/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        JsonNode campaign = awaitVersion(id, 1);
        assertThat(campaign.get("id").asLong()).isEqualTo(id);
        assertThat(campaign.get("name").asText()).isEqualTo("Test Broadcast Service (text to speech)");
        assertThat(campaign.get("status").asText()).isEqualTo("SETUP");
        assertThat(campaign.get("fromNumber").asText()).isEqualTo("+19206596476");
        assertThat(campaign.at("/retryConfig/maxAttempts").asInt()).isEqualTo(3);
        assertThat(campaign.at("/retryConfig/minutesBetweenAttempts").asInt()).isEqualTo(5);
        assertThat(campaign.at("/retryConfig/retryResults").toString()).isEqualTo("[\"BUSY\",\"NO_ANS\"]");
        assertThat(campaign.at("/retryConfig/retryPhoneTypes").toString()).isEqualTo("[\"FIRST_NUMBER\"]");
        assertThat(campaign.at("/transferNumbers/0/number").asText()).isEqualTo("+12135551212");
        assertThat(campaign.get("numberOfRings").asInt()).isEqualTo(4);
        assertThat(campaign.get("multilineDialingRatio").asInt()).isEqualTo(1);
        assertThat(Instant.parse(campaign.get("created").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(campaign.has("passcodeHash")).isFalse();
        assertThat(api.get("/api/campaigns/" + id).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void everySettingRoundTrips() {
        Response group = api.post("/api/agent-groups", "{\"name\": \"Team A " + System.nanoTime() + "\"}");
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        long groupId = group.json().get("id").asLong();
        long id = create("""
                {"name": "Full", "localRestrictBegin": "09:00", "localRestrictEnd": "20:30", "script": "Hello {name}",
                 "questions": [{"label": "Will you vote?", "responseType": "CHOICE", "choices": ["yes", "no"]}],
                 "transferNumbers": [{"name": "Sales", "number": "+1 (213) 555-1212", "allowAssistedTransfer": true}],
                 "fromNumber": "67076", "retryConfig": {"maxAttempts": 2, "retryPhoneTypes": ["MOBILE_PHONE"]},
                 "agentGroupId": %d, "smartDropSoundId": 12,
                 "smartDropSoundRef": "https://sounds.example/12", "allowAnyTransfer": true, "transferCallerId": "2135551212",
                 "recorded": true, "multilineDialingEnabled": true, "multilineDialingRatio": 3, "scrubLevel": 2,
                 "numberOfRings": 6, "labels": ["q4", "east"], "passcode": "1234",
                 "dispositionLists": [{"name": "outcome", "dispositions": ["sale", "no sale"]}],
                 "answeringMachineSoundId": 5362,
                 "numbers": [{"number": "2135551212", "extraData": {"name": "Alice"}}, {"number": "12135551212"}]}""".formatted(groupId));
        JsonNode c = awaitVersion(id, 2);
        assertThat(c.get("localRestrictBegin").asText()).isEqualTo("09:00");
        assertThat(c.get("localRestrictEnd").asText()).isEqualTo("20:30");
        assertThat(c.get("script").asText()).isEqualTo("Hello {name}");
        assertThat(c.at("/questions/0/choices").toString()).isEqualTo("[\"yes\",\"no\"]");
        assertThat(c.at("/transferNumbers/0/number").asText()).isEqualTo("+12135551212");
        assertThat(c.at("/transferNumbers/0/allowAssistedTransfer").asBoolean()).isTrue();
        assertThat(c.get("fromNumber").asText()).isEqualTo("67076");
        assertThat(c.at("/retryConfig/maxAttempts").asInt()).isEqualTo(2);
        assertThat(c.at("/retryConfig/minutesBetweenAttempts").asInt()).isEqualTo(60);
        assertThat(c.get("agentGroupId").asLong()).isEqualTo(groupId);
        assertThat(c.get("agentGroupName").asText())
                .isEqualTo(group.json().get("name").asText());
        assertThat(c.get("smartDropSoundRef").asText()).isEqualTo("https://sounds.example/12");
        assertThat(c.get("transferCallerId").asText()).isEqualTo("2135551212");
        assertThat(c.get("recorded").asBoolean()).isTrue();
        assertThat(c.get("multilineDialingRatio").asInt()).isEqualTo(3);
        assertThat(c.get("scrubLevel").asInt()).isEqualTo(2);
        assertThat(c.get("numberOfRings").asInt()).isEqualTo(6);
        assertThat(c.get("labels").toString()).isEqualTo("[\"q4\",\"east\"]");
        assertThat(c.get("passcodeSet").asBoolean()).isTrue();
        assertThat(c.toString()).doesNotContain("1234\"").doesNotContain("sha256");
        assertThat(c.at("/dispositionLists/0/dispositions/1").asText()).isEqualTo("no sale");
        assertThat(c.get("answeringMachineSoundId").asLong()).isEqualTo(5362);
        assertThat(c.get("numberCount").asInt()).isEqualTo(1);
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndHonoursIfMatch() {
        long id = create(SEED_000);
        Response stale = api.patch("/api/campaigns/" + id, "{\"script\": \"x\"}", Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);

        Response patched = api.patch(
                "/api/campaigns/" + id,
                "{\"script\": \"Hello\", \"localRestrictBegin\": \"10:00\"}",
                Map.of("If-Match", "\"1\""));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(patched.json().get("version").asLong()).isEqualTo(2);

        JsonNode c = awaitVersion(id, 2);
        assertThat(c.get("script").asText()).isEqualTo("Hello");
        assertThat(c.get("localRestrictBegin").asText()).isEqualTo("10:00");
        assertThat(c.get("fromNumber").asText()).isEqualTo("+19206596476");
        assertThat(c.at("/retryConfig/maxAttempts").asInt()).isEqualTo(3);

        Response cleared = api.patch("/api/campaigns/" + id, "{\"script\": null}", Map.of());
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(awaitVersion(id, 3).get("script").isNull()).isTrue();
    }

    /** RFC 7396: a nested object is merged member by member, null removes a member (its default comes back). */
    @Test
    void aMergePatchOfTheRetryConfigChangesOnlyTheMembersSent() {
        long id = create(SEED_000);
        Map<String, String> mergePatch = Map.of("Content-Type", "application/merge-patch+json");
        Response patched = api.patch("/api/campaigns/" + id, "{\"retryConfig\": {\"maxAttempts\": 2}}", mergePatch);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode retry = awaitVersion(id, 2).get("retryConfig");
        assertThat(retry.get("maxAttempts").asInt()).isEqualTo(2);
        assertThat(retry.get("minutesBetweenAttempts").asInt()).as("kept").isEqualTo(5);
        assertThat(retry.get("retryResults").toString()).as("kept").isEqualTo("[\"BUSY\",\"NO_ANS\"]");

        assertThat(api.patch("/api/campaigns/" + id, "{\"retryConfig\": {\"retryResults\": null}}", mergePatch)
                        .status())
                .isEqualTo(200);
        retry = awaitVersion(id, 3).get("retryConfig");
        assertThat(retry.get("retryResults").size()).isZero();
        assertThat(retry.get("maxAttempts").asInt()).isEqualTo(2);
        assertThat(retry.get("minutesBetweenAttempts").asInt()).isEqualTo(5);

        // The audit trail records the whole old and new value of the setting.
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/campaigns/" + id + "/history").body(),
                        h -> h.contains("\"minutesBetweenAttempts\":5"));

        long before = events();
        assertRejected(
                api.patch("/api/campaigns/" + id, "{\"retryConfig\": {\"maxAttempts\": \"two\"}}", mergePatch),
                400,
                "retryConfig.maxAttempts");
        assertRejected(
                api.patch("/api/campaigns/" + id, "{\"retryConfig\": {\"bogus\": 1}}", mergePatch),
                400,
                "retryConfig.bogus");
        assertRejected(
                api.patch("/api/campaigns/" + id, "{\"retryConfig\": {\"maxAttempts\": 0}}", mergePatch), 400, null);
        assertThat(events()).isEqualTo(before);

        assertThat(api.patch("/api/campaigns/" + id, "{\"retryConfig\": null}", mergePatch)
                        .status())
                .isEqualTo(200);
        retry = awaitVersion(id, 4).get("retryConfig");
        assertThat(retry.get("maxAttempts").asInt()).as("the defaults").isEqualTo(1);
        assertThat(retry.get("minutesBetweenAttempts").asInt()).isEqualTo(60);
    }

    /** A parameter of the wrong type is described by what it must look like, not by a Java type's name. */
    @Test
    void aValueOfTheWrongTypeIsDescribedInWords() {
        Response instant = api.get("/api/calls?from=yesterday");
        assertRejected(instant, 400, "from");
        assertThat(instant.json().at("/errors/0/message").asText())
                .isEqualTo("must be an ISO-8601 instant such as 2026-03-24T15:58:18Z");
        Response date = api.get("/api/compliance?from=24/03/2026");
        assertRejected(date, 400, "from");
        assertThat(date.json().at("/errors/0/message").asText())
                .isEqualTo("must be an ISO-8601 date such as 2026-03-24");
        Response number = api.get("/api/campaigns?page=first");
        assertRejected(number, 400, "page");
        assertThat(number.json().at("/errors/0/message").asText()).isEqualTo("must be a number");
    }

    @Test
    void controlWalksTheStatusMachine() {
        long id = create(SEED_000);
        Response noNumbers = api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}");
        assertThat(noNumbers.status()).as(noNumbers.toString()).isEqualTo(409);
        assertThat(noNumbers.json().get("currentStatus").asText()).isEqualTo("SETUP");
        assertThat(noNumbers.json().get("detail").asText()).contains("no numbers");
        assertThat(noNumbers.json().get("type").asText()).isEqualTo("/problems/illegal-transition");
        assertThat(noNumbers.json().get("code").asText()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(noNumbers.json().get("instance").asText()).isEqualTo("/api/campaigns/" + id + "/control");
        // The type is a page of the service, open without credentials.
        Response page = api.anonymous()
                .send("GET", "/problems/illegal-transition", null, java.util.Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains("Not allowed in the campaign&#39;s status")
                .contains("ILLEGAL_TRANSITION");
        Response asJson = api.anonymous()
                .send("GET", "/problems/illegal-transition", null, java.util.Map.of("Accept", "application/json"));
        assertThat(asJson.json().get("status").asInt()).isEqualTo(409);
        assertThat(api.anonymous()
                        .send("GET", "/problems", null, java.util.Map.of("Accept", "text/html"))
                        .body())
                .contains("/problems/precondition-failed");
        assertThat(api.anonymous()
                        .get("/problems/no-such-kind")
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("NOT_FOUND");

        Response added = api.post(
                "/api/campaigns/" + id + "/numbers",
                "[{\"number\": \"2135551212\"}, {\"number\": \"+1 213 555 1212\"}, {\"number\": \"3105550100\", \"extraData\": {\"k\": \"v\"}}]");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("added").asInt()).isEqualTo(2);
        assertThat(added.json().get("duplicatesSkipped").asInt()).isEqualTo(1);

        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}")
                        .status())
                .isEqualTo(200);
        Response again = api.post("/api/campaigns/" + id + "/control", "{\"command\": \"START\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).isEqualTo("Cannot START a campaign that is RUNNING");
        assertThat(api.delete("/api/campaigns/" + id).status()).isEqualTo(409);
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"ARCHIVE\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"STOP\"}")
                        .status())
                .isEqualTo(200);
        assertThat(awaitVersion(id, 4).get("status").asText()).isEqualTo("STOPPED");
        assertThat(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"ARCHIVE\"}")
                        .status())
                .isEqualTo(200);
        JsonNode archived = awaitVersion(id, 5);
        assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(archived.get("numberCount").asInt()).isEqualTo(2);
        Response locked = api.patch("/api/campaigns/" + id, "{\"script\": \"x\"}", Map.of());
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.json().get("currentStatus").asText()).isEqualTo("ARCHIVED");
    }

    @Test
    void deleteKeepsHistoryButHidesTheCampaign() {
        long id = create(SEED_000);
        awaitVersion(id, 1);
        long before = events();
        assertThat(api.delete("/api/campaigns/" + id).status()).isEqualTo(204);
        assertThat(events()).isEqualTo(before + 1);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + id).status() == 404);
        assertThat(api.get("/api/campaigns/" + id).json().get("detail").asText())
                .contains("was deleted");
        assertThat(api.patch("/api/campaigns/" + id, "{\"script\": \"x\"}", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        "campaign-" + id))
                .isEqualTo(2);
    }

    @Test
    void clearsTransferNumbersAndQuestionsAndSetsTheDialRatio() {
        long id = create("{\"name\": \"Lists\", \"transferNumbers\": [{\"number\": \"2135551212\"}],"
                + " \"questions\": [{\"label\": \"Age?\", \"responseType\": \"NUMERIC\"}]}");
        assertThat(api.delete("/api/campaigns/" + id + "/transfer-numbers").status())
                .isEqualTo(200);
        assertThat(api.delete("/api/campaigns/" + id + "/questions").status()).isEqualTo(200);
        Response ratio = api.put("/api/campaigns/" + id + "/dial-ratio", "{\"ratio\": 2.5}");
        assertThat(ratio.status()).as(ratio.toString()).isEqualTo(200);
        JsonNode c = awaitVersion(id, 4);
        assertThat(c.get("transferNumbers")).isEmpty();
        assertThat(c.get("questions")).isEmpty();
        assertThat(c.get("dialRatio").asDouble()).isEqualTo(2.5);
        assertRejected(api.put("/api/campaigns/" + id + "/dial-ratio", "{\"ratio\": 4.5}"), 400, "ratio");
        assertRejected(api.put("/api/campaigns/" + id + "/dial-ratio", "{}"), 400, "ratio");
    }

    @Test
    void listsFilterPageAndSort() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        long a = create("{\"name\": \"Alpha " + tag + "\", \"labels\": [\"" + tag + "\"]}");
        long b = create("{\"name\": \"Beta " + tag + "\", \"labels\": [\"" + tag + "\"]}");
        long c = create("{\"name\": \"Gamma " + tag + "\"}");
        awaitVersion(c, 1);
        awaitVersion(b, 1);
        JsonNode byLabel =
                api.get("/api/campaigns?label=" + tag + "&sort=name,desc").json();
        assertThat(byLabel.get("totalElements").asLong()).isEqualTo(2);
        assertThat(byLabel.get("content").findValuesAsText("name")).containsExactly("Beta " + tag, "Alpha " + tag);
        JsonNode byName = api.get("/api/campaigns?name=" + tag.toUpperCase() + "&size=2&page=1&sort=id")
                .json();
        assertThat(byName.get("totalElements").asLong()).isEqualTo(3);
        assertThat(byName.get("totalPages").asLong()).isEqualTo(2);
        assertThat(byName.get("content").findValues("id").stream()
                        .map(JsonNode::asLong)
                        .toList())
                .containsExactly(c);
        // RFC 8288 links to the other pages, the request's own URL with another page.
        String first = "/api/campaigns?name=" + tag + "&size=2&page=0&sort=id";
        String links = api.get(first).header("Link");
        assertThat(links)
                .contains("<http://localhost:" + port + "/api/campaigns?name=" + tag
                        + "&size=2&sort=id&page=1>; rel=\"next\"")
                .contains("sort=id&page=1>; rel=\"last\"")
                .contains("sort=id&page=0>; rel=\"first\"")
                .doesNotContain("rel=\"prev\"");
        String lastLinks =
                api.get("/api/campaigns?name=" + tag + "&size=2&page=1&sort=id").header("Link");
        assertThat(lastLinks).contains("sort=id&page=0>; rel=\"prev\"").doesNotContain("rel=\"next\"");
        JsonNode bySetup =
                api.get("/api/campaigns?name=" + tag + "&status=SETUP").json();
        assertThat(bySetup.get("totalElements").asLong()).isEqualTo(3);
        assertThat(api.get("/api/campaigns?name=" + tag + "&status=RUNNING")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(a).isLessThan(b);
        assertRejected(api.get("/api/campaigns?status=BOGUS"), 400, "status");
        assertRejected(api.get("/api/campaigns?size=100000"), 400, "size");
        assertRejected(api.get("/api/campaigns?sort=color"), 400, "sort");
        assertRejected(api.get("/api/campaigns?page=-1"), 400, "page");
    }

    @Test
    void asOfRebuildsThePastFromTheEventStore() throws Exception {
        long id = create(SEED_000);
        Instant afterCreate = Instant.now();
        Thread.sleep(20); // two instants the clock can tell apart
        api.patch("/api/campaigns/" + id, "{\"name\": \"Renamed\"}", Map.of());
        JsonNode past = api.get("/api/campaigns/" + id + "?asOf=" + afterCreate).json();
        assertThat(past.get("name").asText()).isEqualTo("Test Broadcast Service (text to speech)");
        assertThat(past.get("version").asLong()).isEqualTo(1);
        JsonNode now =
                api.get("/api/campaigns/" + id + "?asOf=" + Instant.now()).json();
        assertThat(now.get("name").asText()).isEqualTo("Renamed");
        Response tooEarly = api.get("/api/campaigns/" + id + "?asOf=2001-01-01T00:00:00Z");
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(tooEarly.json().get("detail").asText()).contains("did not exist yet");
        assertRejected(api.get("/api/campaigns/" + id + "?asOf=yesterday"), 400, "asOf");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndWritesNothing() {
        long id = create(SEED_000);
        long before = events();
        assertRejected(api.post("/api/campaigns", "{\"name\": "), 400, null);
        assertRejected(api.post("/api/campaigns", "[1, 2]"), 400, "body");
        assertRejected(api.post("/api/campaigns", "{}"), 400, "name");
        assertRejected(api.post("/api/campaigns", "{\"name\": 5}"), 400, "name");
        assertRejected(api.post("/api/campaigns", "{\"name\": \"x\", \"nmae\": \"typo\"}"), 400, "nmae");
        assertRejected(api.post("/api/campaigns", "{\"name\": \"x\", \"status\": \"RUNNING\"}"), 400, "status");
        assertRejected(api.post("/api/campaigns", "{\"name\": \"" + "x".repeat(201) + "\"}"), 400, "name");
        assertRejected(
                api.post("/api/campaigns", "{\"name\": \"x\", \"fromNumber\": \"12345678\"}"), 400, "fromNumber");
        assertRejected(
                api.post("/api/campaigns", "{\"name\": \"x\", \"retryConfig\": {\"maxAttempts\": \"3\"}}"),
                400,
                "retryConfig.maxAttempts");
        assertRejected(
                api.post("/api/campaigns", "{\"name\": \"x\", \"retryConfig\": {\"retryResults\": [\"MAYBE\"]}}"),
                400,
                "retryConfig.retryResults[0]");
        assertRejected(
                api.post("/api/campaigns", "{\"name\": \"x\", \"retryConfig\": {\"maxAttempts\": 11}}"),
                400,
                "retryConfig.maxAttempts");
        assertRejected(
                api.post("/api/campaigns", "{\"name\": \"x\", \"localRestrictBegin\": \"9 am\"}"),
                400,
                "localRestrictBegin");
        assertRejected(
                api.post(
                        "/api/campaigns",
                        "{\"name\": \"x\", \"questions\": [{\"label\": \"q\", \"responseType\": \"CHOICE\"}]}"),
                400,
                "questions[0].choices");
        assertRejected(
                api.post("/api/campaigns", "{\"name\": \"x\", \"transferNumbers\": [{\"number\": \"555\"}]}"),
                400,
                "transferNumbers[0].number");
        assertRejected(
                api.post(
                        "/api/campaigns",
                        "{\"name\": \"x\", \"numbers\": [{\"number\": \"2135551212\"}, {\"number\": \"not a phone\"}]}"),
                400,
                "numbers[1].number");
        assertRejected(
                api.post("/api/campaigns/" + id + "/numbers", "[{\"number\": \"2135551212\"}, {\"number\": \"12\"}]"),
                400,
                "[1].number");
        assertRejected(
                api.post("/api/campaigns/" + id + "/numbers", "[{\"number\": \"2135551212\", \"extra\": 1}]"),
                400,
                "[0].extra");
        assertRejected(api.post("/api/campaigns/" + id + "/numbers", "{\"number\": \"2135551212\"}"), 400, null);
        assertRejected(api.post("/api/campaigns/" + id + "/control", "{\"command\": \"PAUSE\"}"), 400, "command");
        assertRejected(api.post("/api/campaigns/" + id + "/control", "{}"), 400, "command");
        assertRejected(api.patch("/api/campaigns/" + id, "{\"name\": null}", Map.of()), 400, "name");
        assertRejected(api.patch("/api/campaigns/" + id, "{\"numberOfRings\": 0}", Map.of()), 400, "numberOfRings");
        assertRejected(
                api.patch(
                        "/api/campaigns/" + id,
                        "{\"localRestrictBegin\": \"21:00\", \"localRestrictEnd\": \"08:00\"}",
                        Map.of()),
                400,
                "localRestrictEnd");
        assertRejected(
                api.patch("/api/campaigns/" + id, "{\"script\": \"x\"}", Map.of("If-Match", "\"abc\"")), 412, null);
        assertRejected(api.get("/api/campaigns/abc"), 400, "id");
        assertRejected(api.get("/api/campaigns/999999999"), 404, null);
        assertRejected(api.patch("/api/campaigns/999999999", "{\"script\": \"x\"}", Map.of()), 404, null);
        assertRejected(api.post("/api/campaigns/999999999/control", "{\"command\": \"START\"}"), 404, null);
        assertRejected(api.post("/api/campaigns/999999999/numbers", "[{\"number\": \"2135551212\"}]"), 404, null);
        assertRejected(
                api.send("POST", "/api/campaigns", "{\"name\": \"x\"}", Map.of("Content-Type", "text/plain")),
                415,
                null);
        String huge = "{\"name\": \"x\", \"script\": \"" + "y".repeat(3_000_000) + "\"}";
        Response tooLarge = api.post("/api/campaigns", huge);
        assertRejected(tooLarge, 413, null);
        assertThat(tooLarge.json().get("detail").asText())
                .contains("larger than")
                .contains("bytes");
        assertThat(tooLarge.json().get("instance").asText()).isEqualTo("/api/campaigns");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void uploadsOverTheLimitAreRefused() {
        long id = create(SEED_000);
        long before = events();
        StringBuilder numbers = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            numbers.append(i == 0 ? "" : ",")
                    .append("{\"number\":\"+1213555")
                    .append(String.format("%04d", i % 10_000))
                    .append("\"}");
        }
        Response tooMany = api.post(
                "/api/campaigns/" + id + "/numbers", numbers.append("]").toString());
        assertRejected(tooMany, 400, "body");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRepeatedRequestIdReturnsTheFirstResponseAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Once\", \"requestId\": \"" + key + "\"}";
        Response first = api.post("/api/campaigns", body);
        assertThat(first.status()).isEqualTo(201);
        long after = events();
        Response repeat = api.post("/api/campaigns", body);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(after);

        Response other = api.post("/api/campaigns", "{\"name\": \"Other\", \"requestId\": \"" + key + "\"}");
        assertRejected(other, 422, null);
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void theIdempotencyKeyHeaderWorksForEveryCommand() {
        long id = create(SEED_000);
        String key = UUID.randomUUID().toString();
        Response first = api.post(
                "/api/campaigns/" + id + "/numbers", "[{\"number\": \"2135551212\"}]", Map.of("Idempotency-Key", key));
        long after = events();
        Response repeat = api.post(
                "/api/campaigns/" + id + "/numbers", "[{\"number\": \"2135551212\"}]", Map.of("Idempotency-Key", key));
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.json().get("added").asInt()).isEqualTo(1);
        assertThat(events()).isEqualTo(after);
        assertRejected(
                api.post(
                        "/api/campaigns/" + id + "/numbers",
                        "[{\"number\": \"3105550100\"}]",
                        Map.of("Idempotency-Key", key)),
                422,
                null);
    }

    @Test
    void twoConcurrentIdenticalRequestsCreateOneCampaign() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Raced\", \"requestId\": \"" + key + "\"}";
        long before = events();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> api.post("/api/campaigns", body));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                ids.add(r.json().get("id").asLong());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void concurrentUpdatesLoseNothing() throws Exception {
        long id = create(SEED_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int updates = 20;
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < updates; i++) {
                String label = "l" + i;
                calls.add(() -> api.patch("/api/campaigns/" + id, "{\"script\": \"" + label + "\"}", Map.of()));
            }
            for (Future<Response> f : pool.invokeAll(calls)) {
                assertThat(f.get().status()).as(f.get().toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        "campaign-" + id))
                .isEqualTo(1 + updates);
        assertThat(awaitVersion(id, 1 + updates).get("version").asLong()).isEqualTo(1 + updates);
    }

    @Test
    void eventsCarryActorRequestAndCorrelationIds() throws Exception {
        Response created =
                api.post("/api/campaigns", SEED_000, Map.of("X-Request-Id", "req-42", "X-Correlation-Id", "corr-7"));
        long id = created.json().get("id").asLong();
        assertThat(created.header("X-Request-Id")).isEqualTo("req-42");
        byte[] metadata = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                byte[].class,
                "campaign-" + id);
        JsonNode meta = JSON.readTree(metadata);
        assertThat(meta.get("requestId").asText()).isEqualTo("req-42");
        assertThat(meta.get("correlationId").asText()).isEqualTo("corr-7");
        assertThat(meta.get("actor").asText()).isNotBlank();
        assertThat(meta.get("accountId").asText()).isEqualTo("default");
    }
}
