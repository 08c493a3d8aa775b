package com.campaignledger.web.registry;

import static com.campaignledger.web.registry.RegistryClient.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.agent.session.api.ConnectCallCommand;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Roster enforcement end to end, on every database: who may call back and log in, and an agent taken off
 * the roster during a call finishes it and is then logged out. Calls are connected with the command a dialer sends.
 */
abstract class RosterContract {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    RegistryClient r;
    ApiClient api;

    @BeforeEach
    void client() {
        r = new RegistryClient(port, jdbc);
        api = r.api;
    }

    /** The roster has its own ETag: a change from a stale version is a 412 and changes nothing. */
    @Test
    void rosterChangesHonourIfMatch() {
        long campaign = r.runningCampaign("{\"name\": \"Versioned roster\", \"fromNumber\": \"2135550100\", "
                + "\"numbers\": [{\"number\": \"2125551000\"}]}");
        long ann = r.agent("ann");
        long bob = r.agent("bob");
        String roster = "/api/campaigns/" + campaign + "/roster";
        assertThat(api.get(roster).header("ETag")).isEqualTo("\"0\"");

        Response added = api.post(roster + "/agents", "{\"agentIds\": [" + ann + "]}", Map.of("If-Match", "\"0\""));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.header("ETag")).isEqualTo("\"1\"");

        long before = r.events("campaign-" + campaign);
        Response stale = api.post(roster + "/agents", "{\"agentIds\": [" + bob + "]}", Map.of("If-Match", "\"0\""));
        assertRejected(stale, 412, null);
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertRejected(api.send("DELETE", roster + "/agents/" + ann, null, Map.of("If-Match", "\"0\"")), 412, null);
        assertRejected(
                api.post(
                        roster + "/agent-groups",
                        "{\"agentGroupIds\": [" + r.group("g", bob) + "]}",
                        Map.of("If-Match", "\"7\"")),
                412,
                null);
        assertThat(r.events("campaign-" + campaign))
                .as("a stale change writes nothing")
                .isEqualTo(before);
        assertThat(api.get(roster).json().get("agents").findValuesAsText("id")).containsExactly(Long.toString(ann));

        Response removed = api.send("DELETE", roster + "/agents/" + ann, null, Map.of("If-Match", "\"1\""));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.post(roster + "/agents", "{\"agentIds\": [" + bob + "]}").status())
                .as("without If-Match, whatever the version")
                .isEqualTo(200);
        assertThat(api.get(roster).header("ETag")).isEqualTo("\"3\"");
    }

    /** Two changes made from the same version at the same moment: one wins, the other is a 412. */
    @Test
    void ofTwoConcurrentRosterChangesFromOneVersionOneIsRefused() throws Exception {
        long campaign = r.runningCampaign("{\"name\": \"Raced roster\", \"fromNumber\": \"2135550100\", "
                + "\"numbers\": [{\"number\": \"2125551000\"}]}");
        String roster = "/api/campaigns/" + campaign + "/roster";
        for (int round = 0; round < 5; round++) {
            String version = api.get(roster).header("ETag");
            long a = r.agent("race-a" + round);
            long b = r.agent("race-b" + round);
            java.util.concurrent.CompletableFuture<Response> first = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> api.post(roster + "/agents", "{\"agentIds\": [" + a + "]}", Map.of("If-Match", version)));
            java.util.concurrent.CompletableFuture<Response> second =
                    java.util.concurrent.CompletableFuture.supplyAsync(() ->
                            api.post(roster + "/agents", "{\"agentIds\": [" + b + "]}", Map.of("If-Match", version)));
            java.util.List<Integer> statuses = java.util.stream.Stream.of(first.get(), second.get())
                    .map(Response::status)
                    .sorted()
                    .toList();
            assertThat(statuses).as("round " + round).containsExactly(200, 412);
        }
    }

    @Test
    void offTheRosterOrDisabledAgentsAreRefusedAndNothingIsWritten() {
        long campaign = r.runningCampaign(
                "{\"name\": \"Gate\", \"fromNumber\": \"2135550100\", \"numbers\": [{\"number\": \"2125551000\"}]}");
        long direct = r.agent("direct");
        long member = r.agent("member");
        long group = r.group("Gate", member);
        r.agent("outsider");
        // An empty roster admits anyone; once it is not empty, those not on it are logged out.
        Response early = r.callback(campaign, r.user("early"));
        assertThat(early.status()).isEqualTo(201);
        api.post("/api/campaigns/" + campaign + "/roster/agents", "{\"agentIds\": [" + direct + "]}");
        api.post("/api/campaigns/" + campaign + "/roster/agent-groups", "{\"agentGroupIds\": [" + group + "]}");
        String earlyConnection = "/api/campaigns/" + campaign + "/agents/"
                + early.json().get("agentId").asLong() + "/connection?waitSeconds=0";
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(earlyConnection).status() == 409);

        long before = r.events("agent-session-%", "campaign-" + campaign);
        Response stranger = r.callback(campaign, r.user("stranger"));
        assertRejected(stranger, 403, null);
        assertThat(stranger.json().get("reason").asText()).isEqualTo("NOT_ON_ROSTER");
        assertThat(stranger.json().get("detail").asText()).contains("not on the roster");
        assertRejected(r.callback(campaign, r.user("outsider")), 403, null);
        assertThat(r.events("agent-session-%", "campaign-" + campaign)).isEqualTo(before);

        Response viaGroup = r.callback(campaign, r.user("MEMBER"));
        assertThat(viaGroup.status()).as(viaGroup.toString()).isEqualTo(201);
        assertThat(r.login(campaign, viaGroup.json().get("agentId").asLong(), r.user("MEMBER"))
                        .status())
                .isEqualTo(200);

        Response directCallback = r.callback(campaign, r.user("direct"));
        assertThat(directCallback.status()).isEqualTo(201);
        long session = directCallback.json().get("agentId").asLong();
        api.delete("/api/agents/" + direct);
        // Disabled between callback and login: its session is closed, and the login is refused and writes nothing.
        String directConnection = "/api/campaigns/" + campaign + "/agents/" + session + "/connection?waitSeconds=0";
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(directConnection).status() == 409);
        before = r.events("agent-session-%");
        Response login = r.login(campaign, session, r.user("direct"));
        assertRejected(login, 403, null);
        assertThat(login.json().get("reason").asText()).isEqualTo("DISABLED");
        assertThat(r.events("agent-session-%")).isEqualTo(before);

        // A new userId: the session opened under the old one is no longer the agent's.
        String memberConnection = "/api/campaigns/" + campaign + "/agents/"
                + viaGroup.json().get("agentId").asLong() + "/connection?waitSeconds=0";
        assertThat(api.get(memberConnection).status()).isEqualTo(204);
        Response renamed = api.patch("/api/agents/" + member, "{\"userId\": \"" + r.user("renamed") + "\"}", Map.of());
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(memberConnection).status() == 409);
    }

    @Test
    void anAgentTakenOffTheRosterDuringACallFinishesItAndIsThenLoggedOut() {
        long campaign = r.runningCampaign(
                "{\"name\": \"Removal\", \"fromNumber\": \"2135550100\", \"numbers\": [{\"number\": \"2125551000\"}]}");
        long ann = r.agent("ann");
        long bob = r.agent("bob");
        long group = r.group("Removal", bob);
        api.post("/api/campaigns/" + campaign + "/roster/agents", "{\"agentIds\": [" + ann + "]}");
        api.post("/api/campaigns/" + campaign + "/roster/agent-groups", "{\"agentGroupIds\": [" + group + "]}");
        long onCall = loggedIn(campaign, r.user("ann"));
        long waiting = loggedIn(campaign, r.user("bob"));
        commands.sendAndWait(
                new ConnectCallCommand(AgentSessionId.of(onCall), "call-r1", "+12125551000", Map.of(), Instant.now()));

        api.delete("/api/campaigns/" + campaign + "/roster/agents/" + ann);
        api.delete("/api/agent-groups/" + group + "/agents/" + bob);
        String agents = "/api/campaigns/" + campaign + "/agents/";
        // Bob waited for a call: logged out at once. Ann is on one: she finishes it first.
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        api.get(agents + waiting + "/connection?waitSeconds=0").status() == 409);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> r.events("agent-session-" + onCall) > 0
                        && jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%AgentLogoutRequestedEvent'",
                                        Long.class, "agent-session-" + onCall)
                                == 1);
        assertThat(api.get(agents + onCall + "/connection?waitSeconds=0")
                        .json()
                        .get("callId")
                        .asText())
                .isEqualTo("call-r1");
        Response answered =
                api.post(agents + onCall + "/responses", "{\"callId\": \"call-r1\", \"agentResponse\": \"sale\"}");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().get("state").asText()).isEqualTo("LOGGED_OUT");
        assertRejected(r.callback(campaign, r.user("ann")), 403, null);
    }

    long loggedIn(long campaign, String user) {
        Response callback = r.callback(campaign, user);
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        long session = callback.json().get("agentId").asLong();
        assertThat(r.login(campaign, session, user).status()).isEqualTo(200);
        return session;
    }

    @Test
    void invitesOfAgentsWhoLeaveTheRosterWithOrFromTheirGroupAreRevoked() {
        long campaign = r.runningCampaign("{\"name\": \"Invites off\", \"fromNumber\": \"2135550100\", "
                + "\"numbers\": [{\"number\": \"2125551000\"}]}");
        long ann = r.agent("ann");
        long bob = r.agent("bob");
        long cid = r.agent("cid");
        long dee = r.agent("dee");
        long sales = r.group("Sales", bob, cid, dee);
        long night = r.group("Night", cid);
        String roster = "/api/campaigns/" + campaign + "/roster";
        assertThat(api.post(roster + "/agents", "{\"agentIds\": [" + ann + ", " + dee + "]}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(roster + "/agent-groups", "{\"agentGroupIds\": [" + sales + ", " + night + "]}")
                        .status())
                .isEqualTo(200);
        Response sent = api.post(
                "/api/campaigns/" + campaign + "/invites",
                "{\"agentIds\": [" + ann + "], \"agentGroupIds\": [" + sales + "]}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        String bobToken = inviteToken(campaign, bob);

        // Out of the group: bob is off the roster, his invite shows revoked and its token is refused.
        assertThat(api.delete("/api/agent-groups/" + sales + "/agents/" + bob).status())
                .isEqualTo(200);
        assertInviteRevoked(campaign, bob);
        assertRejected(
                api.post(
                        "/api/campaigns/" + campaign + "/agents/callback",
                        "{\"userId\": \"" + r.user("bob") + "\", \"phoneNumber\": \"6465550101\"}",
                        Map.of("Authorization", "Bearer " + bobToken)),
                401,
                null);

        // The group off the roster: cid is still on it through Night, dee directly; both keep their invites.
        assertThat(api.delete(roster + "/agent-groups/" + sales).status()).isEqualTo(200);
        inviteToken(campaign, cid);
        inviteToken(campaign, dee);

        // Night deleted: cid has left the roster with it; ann and dee, on it directly, have not.
        assertThat(api.delete("/api/agent-groups/" + night).status()).isEqualTo(204);
        assertInviteRevoked(campaign, cid);
        inviteToken(campaign, ann);
        inviteToken(campaign, dee);

        // Taken off directly: dee was on the roster only that way now.
        assertThat(api.delete(roster + "/agents/" + dee).status()).isEqualTo(200);
        assertInviteRevoked(campaign, dee);
        inviteToken(campaign, ann);
    }

    /** The agent's current invite token to the campaign; fails unless the invite is there and not revoked. */
    private String inviteToken(long campaign, long agent) {
        Response invite = api.get("/api/campaigns/" + campaign + "/invites/" + agent);
        assertThat(invite.status()).as("agent " + agent + ": " + invite).isEqualTo(200);
        String uri = invite.json().get("uri").asText();
        return uri.substring(uri.indexOf("token=") + "token=".length());
    }

    private void assertInviteRevoked(long campaign, long agent) {
        Response invite = api.get("/api/campaigns/" + campaign + "/invites/" + agent);
        assertRejected(invite, 404, null);
        assertThat(invite.json().get("detail").asText()).contains("revoked");
        assertThat(jdbc.queryForObject(
                        "SELECT revoked FROM agent_invite WHERE campaign_id = ? AND agent_id = ?",
                        Boolean.class,
                        campaign,
                        agent))
                .isTrue();
    }
}
