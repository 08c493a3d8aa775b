package com.campaignledger.web.registry;

import static com.campaignledger.web.registry.RegistryClient.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.registry.invite.InviteTokens;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The registry, groups, rosters and invites over HTTP on the embedded database (the agent tests' context, without
 * the simulated dialer: calls are connected with the command a dialer sends), and the roster contract.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:agents;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
class RegistryApiTest extends RosterContract {

    @Autowired
    InviteTokens tokens;

    @Test
    void anAgentIsRegisteredReadUpdatedWithIfMatchAndDisabled() {
        Response created = api.post(
                "/api/agents",
                "{\"name\": \"Ann\", \"userId\": \"" + r.user("ann")
                        + "\", \"email\": \"ann@example.com\", \"phoneNumber\": \"+1 (646) 555-0101\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/agents/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode agent = api.get("/api/agents/" + id).json();
        assertThat(agent.get("phoneNumber").asText()).isEqualTo("+16465550101");
        assertThat(agent.get("enabled").asBoolean()).isTrue();
        assertThat(agent.get("groupIds").size()).isZero();

        Response patched = api.patch(
                "/api/agents/" + id, "{\"name\": \"Ann Smith\", \"email\": null}", Map.of("If-Match", "\"1\""));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(patched.json().get("name").asText()).isEqualTo("Ann Smith");
        assertThat(patched.json().get("email").isNull()).isTrue();
        assertThat(patched.json().get("userId").asText()).isEqualTo(r.user("ann"));

        long before = r.events("agent-" + id);
        Response stale = api.patch("/api/agents/" + id, "{\"name\": \"Late\"}", Map.of("If-Match", "\"1\""));
        assertRejected(stale, 412, null);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
        assertThat(r.events("agent-" + id)).isEqualTo(before);

        Response disabled = api.delete("/api/agents/" + id);
        assertThat(disabled.status()).isEqualTo(204);
        assertThat(api.get("/api/agents/" + id).json().get("enabled").asBoolean())
                .isFalse();
        assertThat(api.patch("/api/agents/" + id, "{\"enabled\": true}", Map.of())
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isTrue();
        assertThat(jdbc.queryForList(
                        "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "ORDER BY sequence_number",
                        String.class,
                        "agent-" + id))
                .extracting(t -> t.substring(t.lastIndexOf('.') + 1))
                .containsExactly(
                        "AgentRegisteredEvent", "AgentUpdatedEvent", "AgentDisabledEvent", "AgentEnabledEvent");

        // The agent's audit trail: every change, oldest first, who made it and what changed.
        JsonNode history = api.get("/api/agents/" + id + "/history").json();
        assertThat(history.get("totalElements").asLong()).isEqualTo(4);
        assertThat(history.get("content").findValuesAsText("type"))
                .containsExactly("AgentRegistered", "AgentUpdated", "AgentDisabled", "AgentEnabled");
        assertThat(history.get("content").findValuesAsText("actor")).containsOnly("test-admin");
        JsonNode update = history.get("content").get(1);
        assertThat(update.get("requestId").asText()).isNotBlank();
        assertThat(update.get("changes").findValuesAsText("field")).containsExactlyInAnyOrder("name", "email");
        assertThat(update.get("changes").get(0).toString()).contains("Ann");
        String csv = api.send("GET", "/api/agents/" + id + "/history", null, Map.of("Accept", "text/csv"))
                .body();
        assertThat(csv.lines().count()).isEqualTo(5);
        assertThat(api.get("/api/agents/" + id + "/history?page=1&size=3")
                        .json()
                        .get("content")
                        .size())
                .isEqualTo(1);
        assertRejected(api.get("/api/agents/" + id + "/history?size=0"), 400, "size");
        assertRejected(api.get("/api/agents/999999999/history"), 404, null);
    }

    /** The resource's own field is accepted when registering: an agent can be registered disabled. */
    @Test
    void anAgentCanBeRegisteredDisabled() {
        Response created = api.post(
                "/api/agents", "{\"name\": \"Dora\", \"userId\": \"" + r.user("dora") + "\", \"enabled\": false}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("enabled").asBoolean()).isFalse();
        long id = created.json().get("id").asLong();
        assertThat(api.get("/api/agents/" + id).json().get("enabled").asBoolean())
                .isFalse();
        Response enabled = api.post(
                "/api/agents", "{\"name\": \"Eve\", \"userId\": \"" + r.user("eve") + "\", \"enabled\": true}");
        assertThat(enabled.json().get("enabled").asBoolean())
                .as(enabled.toString())
                .isTrue();
    }

    @Test
    void badAgentRequestsAreRefusedAndWriteNothing() {
        long ann = r.agent("ann");
        long before = r.events("agent-%");
        assertRejected(
                api.post("/api/agents", "{\"name\": \"X\", \"userId\": \"x-" + r.tag + "\", \"phoneNumber\": \"123\"}"),
                400,
                "phoneNumber");
        assertRejected(
                api.post("/api/agents", "{\"name\": \"" + "x".repeat(201) + "\", \"userId\": \"x-" + r.tag + "\"}"),
                400,
                "name");
        assertRejected(api.post("/api/agents", "{\"name\": \"X\"}"), 400, "userId");
        assertRejected(
                api.post("/api/agents", "{\"name\": \"X\", \"userId\": \"x-" + r.tag + "\", \"pin\": 1}"), 400, "pin");
        assertRejected(
                api.post("/api/agents", "{\"name\": \"X\", \"userId\": \"x-" + r.tag + "\", \"email\": \"nope\"}"),
                400,
                "email");
        Response duplicate =
                api.post("/api/agents", "{\"name\": \"Other Ann\", \"userId\": \"" + r.user("ANN") + "\"}");
        assertRejected(duplicate, 409, "userId");
        assertRejected(api.patch("/api/agents/" + ann, "{\"groupIds\": [1]}", Map.of()), 400, "groupIds");
        assertRejected(api.patch("/api/agents/" + ann, "{\"enabled\": \"yes\"}", Map.of()), 400, "enabled");
        assertRejected(api.patch("/api/agents/" + ann, "{\"name\": null}", Map.of()), 400, "name");
        assertRejected(api.get("/api/agents/999999"), 404, null);
        assertRejected(api.delete("/api/agents/999999"), 404, null);
        assertRejected(api.get("/api/agents?size=0"), 400, "size");
        assertThat(r.events("agent-%")).isEqualTo(before);
    }

    @Test
    void agentsAreQueriedByNameUserIdGroupAndEnabledInPages() {
        long a = r.agent("alpha");
        long b = r.agent("beta");
        long c = r.agent("gamma");
        long team = r.group("Query team", a, c);
        api.delete("/api/agents/" + c);

        JsonNode all = api.get("/api/agents?name=" + r.tag + "&size=2").json();
        assertThat(all.get("totalElements").asLong()).isEqualTo(3);
        assertThat(all.get("totalPages").asLong()).isEqualTo(2);
        assertThat(all.get("content").findValuesAsText("id")).containsExactly(String.valueOf(a), String.valueOf(b));
        assertThat(api.get("/api/agents?name=" + r.tag + "&size=2&page=1")
                        .json()
                        .get("content")
                        .findValuesAsText("id"))
                .containsExactly(String.valueOf(c));
        assertThat(api.get("/api/agents?userId=" + r.user("BETA"))
                        .json()
                        .get("content")
                        .findValuesAsText("id"))
                .containsExactly(String.valueOf(b));
        assertThat(api.get("/api/agents?groupId=" + team).json().get("content").findValuesAsText("id"))
                .containsExactly(String.valueOf(a), String.valueOf(c));
        assertThat(api.get("/api/agents?groupId=" + team + "&enabled=false")
                        .json()
                        .get("content")
                        .findValuesAsText("id"))
                .containsExactly(String.valueOf(c));
        assertThat(api.get("/api/agents/" + a).json().get("groupIds").get(0).asLong())
                .isEqualTo(team);
    }

    @Test
    void groupsAreCreatedRenamedStaffedAndDeleted() {
        long a = r.agent("member");
        long b = r.agent("other");
        long group = r.group("Team", a);
        long before = r.events("agent-group-%");
        assertRejected(api.post("/api/agent-groups", "{\"name\": \"TEAM " + r.tag + "\"}"), 409, "name");
        assertRejected(
                api.post("/api/agent-groups", "{\"name\": \"Ghosts " + r.tag + "\", \"agentIds\": [999999]}"),
                400,
                "agentIds[0]");
        assertRejected(api.post("/api/agent-groups", "{\"name\": \"\"}"), 400, "name");
        assertRejected(api.post("/api/agent-groups/" + group + "/agents", "{\"agentIds\": []}"), 400, "agentIds");
        assertRejected(api.patch("/api/agent-groups/" + group, "{\"agentIds\": [1]}", Map.of()), 400, "agentIds");
        assertRejected(api.delete("/api/agent-groups/" + group + "/agents/" + b), 404, null);
        assertThat(r.events("agent-group-%")).isEqualTo(before);

        Response renamed = api.patch(
                "/api/agent-groups/" + group, "{\"name\": \"Renamed " + r.tag + "\"}", Map.of("If-Match", "\"2\""));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isEqualTo("\"3\"");
        assertRejected(
                api.patch("/api/agent-groups/" + group, "{\"name\": \"Later\"}", Map.of("If-Match", "\"2\"")),
                412,
                null);
        Response added = api.post("/api/agent-groups/" + group + "/agents", "{\"agentIds\": [" + b + "]}");
        assertThat(added.json().get("agentIds").toString()).isEqualTo("[" + a + "," + b + "]");
        Response removed = api.delete("/api/agent-groups/" + group + "/agents/" + a);
        assertThat(removed.json().get("agentIds").toString()).isEqualTo("[" + b + "]");
        assertThat(api.get("/api/agent-groups?name=renamed%20" + r.tag)
                        .json()
                        .get("content")
                        .findValuesAsText("id"))
                .containsExactly(String.valueOf(group));

        assertThat(api.delete("/api/agent-groups/" + group).status()).isEqualTo(204);
        assertRejected(api.get("/api/agent-groups/" + group), 404, null);
        assertThat(api.get("/api/agents/" + b).json().get("groupIds").size()).isZero();
        // The name is free again; the deleted group's history stays.
        assertThat(api.post("/api/agent-groups", "{\"name\": \"Renamed " + r.tag + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(r.events("agent-group-" + group)).isEqualTo(6);
        // The deleted group's audit trail stays readable.
        JsonNode history = api.get("/api/agent-groups/" + group + "/history").json();
        assertThat(history.get("content").findValuesAsText("type"))
                .startsWith("AgentGroupCreated")
                .contains("AgentGroupRenamed")
                .endsWith("AgentGroupDeleted")
                .hasSize(6);
    }

    @Test
    void theCampaignsAgentGroupIsOnItsRosterAndItsNameFollowsTheGroup() {
        long group = r.group("Staff");
        assertRejected(api.post("/api/campaigns", "{\"name\": \"C\", \"agentGroupId\": 999999}"), 400, "agentGroupId");
        assertRejected(
                api.post(
                        "/api/campaigns",
                        "{\"name\": \"C\", \"agentGroupId\": " + group + ", \"agentGroupName\": \"x\"}"),
                400,
                "agentGroupName");
        long campaign = api.post("/api/campaigns", "{\"name\": \"Staffed\", \"agentGroupId\": " + group + "}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + campaign).status() == 200);
        JsonNode view = api.get("/api/campaigns/" + campaign).json();
        assertThat(view.get("agentGroupName").asText()).isEqualTo("Staff " + r.tag);
        JsonNode roster = api.get("/api/campaigns/" + campaign + "/roster").json();
        assertThat(roster.get("agentGroups").findValuesAsText("id")).containsExactly(String.valueOf(group));

        api.patch("/api/agent-groups/" + group, "{\"name\": \"Night shift " + r.tag + "\"}", Map.of());
        assertThat(api.get("/api/campaigns/" + campaign)
                        .json()
                        .get("agentGroupName")
                        .asText())
                .isEqualTo("Night shift " + r.tag);
        assertThat(api.get("/api/campaigns?name=Staffed&size=200")
                        .json()
                        .get("content")
                        .findValuesAsText("agentGroupName"))
                .contains("Night shift " + r.tag);

        // Taking the group off the roster clears the campaign's agentGroupId.
        Response off = api.delete("/api/campaigns/" + campaign + "/roster/agent-groups/" + group);
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + campaign)
                        .json()
                        .get("agentGroupId")
                        .isNull());
        assertThat(api.get("/api/campaigns/" + campaign)
                        .json()
                        .get("agentGroupName")
                        .isNull())
                .isTrue();
    }

    @Test
    void rosterEditsNameKnownIdsAndCampaignsOfTheAccount() {
        long campaign = api.post("/api/campaigns", "{\"name\": \"Roster\"}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + campaign).status() == 200);
        long a = r.agent("listed");
        long group = r.group("Listed");
        long before = r.events("campaign-" + campaign);
        assertRejected(
                api.post("/api/campaigns/" + campaign + "/roster/agents", "{\"agentIds\": [999999]}"),
                400,
                "agentIds[0]");
        assertRejected(api.post("/api/campaigns/" + campaign + "/roster/agents", "{}"), 400, "agentIds");
        assertRejected(
                api.post("/api/campaigns/" + campaign + "/roster/agent-groups", "{\"agentGroupIds\": [999999]}"),
                400,
                "agentGroupIds[0]");
        assertRejected(api.post("/api/campaigns/999999/roster/agents", "{\"agentIds\": [" + a + "]}"), 404, null);
        assertRejected(api.get("/api/campaigns/999999/roster"), 404, null);
        assertRejected(api.delete("/api/campaigns/" + campaign + "/roster/agents/" + a), 404, null);
        assertThat(r.events("campaign-" + campaign)).isEqualTo(before);

        api.post("/api/campaigns/" + campaign + "/roster/agents", "{\"agentIds\": [" + a + "]}");
        Response roster =
                api.post("/api/campaigns/" + campaign + "/roster/agent-groups", "{\"agentGroupIds\": [" + group + "]}");
        assertThat(roster.json().get("agents").findValuesAsText("id")).containsExactly(String.valueOf(a));
        assertThat(roster.json().get("agentGroups").findValuesAsText("id")).containsExactly(String.valueOf(group));
        // Roster changes are in the campaign's own history, with their actor.
        assertThat(jdbc.queryForList(
                        "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "ORDER BY sequence_number",
                        String.class,
                        "campaign-" + campaign))
                .extracting(t -> t.substring(t.lastIndexOf('.') + 1))
                .containsExactly("CampaignCreatedEvent", "RosterAgentsAddedEvent", "RosterAgentGroupsAddedEvent");

        // A deleted group leaves the roster.
        api.delete("/api/agent-groups/" + group);
        assertThat(api.get("/api/campaigns/" + campaign + "/roster")
                        .json()
                        .get("agentGroups")
                        .size())
                .isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> r.events("campaign-" + campaign) == 4);
    }

    @Test
    void agentsGroupsRostersAndInvitesOfAnotherAccountAre404AndCannotBeNamed() {
        long campaign = api.post("/api/campaigns", "{\"name\": \"Mine\"}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + campaign).status() == 200);
        long ann = r.agent("ann");
        long group = r.group("Mine", ann);
        api.post("/api/campaigns/" + campaign + "/roster/agents", "{\"agentIds\": [" + ann + "]}");
        api.post("/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + ann + "]}");
        ApiClient other = otherAccount();
        long own = other.post("/api/campaigns", "{\"name\": \"Theirs\"}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> other.get("/api/campaigns/" + own).status() == 200);
        String annIds = "{\"agentIds\": [" + ann + "]}";
        String groupIds = "{\"agentGroupIds\": [" + group + "]}";

        long before = r.events("agent-%", "campaign-" + campaign, "campaign-" + own);
        assertRejected(other.get("/api/agents/" + ann), 404, null);
        assertRejected(other.patch("/api/agents/" + ann, "{\"name\": \"Taken\"}", Map.of()), 404, null);
        assertRejected(other.delete("/api/agents/" + ann), 404, null);
        assertRejected(other.get("/api/agent-groups/" + group), 404, null);
        assertRejected(other.get("/api/agents/" + ann + "/history"), 404, null);
        assertRejected(other.get("/api/agent-groups/" + group + "/history"), 404, null);
        assertRejected(other.patch("/api/agent-groups/" + group, "{\"name\": \"Taken\"}", Map.of()), 404, null);
        assertRejected(other.post("/api/agent-groups/" + group + "/agents", annIds), 404, null);
        assertRejected(other.delete("/api/agent-groups/" + group + "/agents/" + ann), 404, null);
        assertRejected(other.delete("/api/agent-groups/" + group), 404, null);
        String roster = "/api/campaigns/" + campaign + "/roster";
        assertRejected(other.get(roster), 404, null);
        assertRejected(other.post(roster + "/agents", annIds), 404, null);
        assertRejected(other.delete(roster + "/agents/" + ann), 404, null);
        assertRejected(other.post(roster + "/agent-groups", groupIds), 404, null);
        assertRejected(other.delete(roster + "/agent-groups/" + group), 404, null);
        assertRejected(other.post("/api/campaigns/" + campaign + "/invites", annIds), 404, null);
        assertRejected(other.get("/api/campaigns/" + campaign + "/invites/" + ann), 404, null);
        // Nor can its own campaign or group name the first account's agents and groups.
        assertRejected(other.post("/api/campaigns/" + own + "/roster/agents", annIds), 400, "agentIds[0]");
        assertRejected(other.post("/api/campaigns/" + own + "/roster/agent-groups", groupIds), 400, "agentGroupIds[0]");
        assertRejected(other.post("/api/campaigns/" + own + "/invites", annIds), 400, "agentIds[0]");
        assertRejected(
                other.post("/api/agent-groups", "{\"name\": \"Theirs " + r.tag + "\", \"agentIds\": [" + ann + "]}"),
                400,
                "agentIds[0]");
        assertThat(r.events("agent-%", "campaign-" + campaign, "campaign-" + own))
                .as("nothing written")
                .isEqualTo(before);
        assertThat(other.get("/api/agents?userId=" + r.user("ann"))
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(other.get("/api/agent-groups").json().get("totalElements").asLong())
                .isZero();

        // userId and group name are unique within an account, not across accounts.
        Response sameUser =
                other.post("/api/agents", "{\"name\": \"Other Ann\", \"userId\": \"" + r.user("ann") + "\"}");
        assertThat(sameUser.status()).as(sameUser.toString()).isEqualTo(201);
        assertThat(other.post("/api/agent-groups", "{\"name\": \"Mine " + r.tag + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/agents/" + ann).json().get("name").asText()).isEqualTo("ann " + r.tag);
        assertThat(api.get(roster).json().get("agents").findValuesAsText("id")).containsExactly(String.valueOf(ann));
    }

    /** A new account with a USER credential, as the security tests make one. */
    private ApiClient otherAccount() {
        String accountId = "registry-" + r.tag;
        Response account = api.post("/api/admin/accounts", "{\"id\": \"" + accountId + "\", \"name\": \"Other\"}");
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        Response credential = api.post(
                "/api/admin/accounts/" + accountId + "/credentials",
                "{\"login\": \"" + accountId + "-api\", \"role\": \"USER\"}");
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        return api.as(
                credential.json().get("login").asText(),
                credential.json().get("secret").asText());
    }

    @Test
    void invitesAreOnePerAgentWithASignedExpiringRevocableLink() {
        long campaign = api.post("/api/campaigns", "{\"name\": \"Invites\"}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + campaign).status() == 200);
        long ann = r.agent("ann");
        long bob = r.agent("bob");
        long cid = r.agent("cid");
        long group = r.group("Invited", bob, cid);
        api.delete("/api/agents/" + cid);

        long before = r.events("agent-%");
        assertRejected(api.post("/api/campaigns/" + campaign + "/invites", "{}"), 400, "agentIds");
        assertRejected(
                api.post("/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + cid + "]}"),
                400,
                "agentIds[0]");
        assertRejected(
                api.post("/api/campaigns/" + campaign + "/invites", "{\"agentGroupIds\": [999999]}"),
                400,
                "agentGroupIds[0]");
        assertRejected(api.post("/api/campaigns/999999/invites", "{\"agentIds\": [" + ann + "]}"), 404, null);
        assertRejected(api.get("/api/campaigns/" + campaign + "/invites/" + ann), 404, null);
        assertThat(r.events("agent-%")).isEqualTo(before);

        Response sent = api.post(
                "/api/campaigns/" + campaign + "/invites",
                "{\"agentIds\": [" + ann + "], \"agentGroupIds\": [" + group + "]}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().get("invites").findValuesAsText("agentId"))
                .containsExactly(String.valueOf(ann), String.valueOf(bob));

        JsonNode invite =
                api.get("/api/campaigns/" + campaign + "/invites/" + ann).json();
        Instant expiresAt = Instant.parse(invite.get("expiresAt").asText());
        assertThat(expiresAt)
                .isBetween(
                        Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
                        Instant.now().plus(Duration.ofDays(7)));
        String token = query(invite.get("uri").asText(), "token");
        assertThat(invite.get("uri").asText()).startsWith("http://localhost:8080/agent?token=");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE CAST(payload AS VARCHAR(100000)) LIKE ?",
                        Long.class,
                        "%" + token.substring(token.indexOf('.') + 1) + "%"))
                .as("the token is never stored")
                .isZero();

        InviteTokens.Claims claims = tokens.verify(token).orElseThrow();
        assertThat(claims.agentId()).isEqualTo(ann);
        assertThat(claims.campaignId()).isEqualTo(campaign);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(tokens.verify(tampered)).isEmpty();
        assertThat(tokens.verify(tokens.token(claims.inviteId(), campaign + 1, ann, claims.expiresAt())))
                .as("another campaign")
                .isEmpty();
        assertThat(tokens.verify(tokens.token(
                        claims.inviteId(), campaign, ann, Instant.now().minusSeconds(1))))
                .as("expired")
                .isEmpty();

        // A newer invite replaces the older one; disabling the agent revokes it.
        api.post("/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + ann + "]}");
        assertThat(tokens.verify(token)).as("replaced").isEmpty();
        String current = query(
                api.get("/api/campaigns/" + campaign + "/invites/" + ann)
                        .json()
                        .get("uri")
                        .asText(),
                "token");
        assertThat(tokens.verify(current)).isPresent();
        api.delete("/api/agents/" + ann);
        assertThat(tokens.verify(current)).as("revoked").isEmpty();
        assertRejected(api.get("/api/campaigns/" + campaign + "/invites/" + ann), 404, null);
    }

    @Test
    void anInviteTokenOpensTheAgentEndpointsOfItsAgentAndCampaignOnly() {
        long campaign = r.runningCampaign("{\"name\": \"Token\", \"fromNumber\": \"2135550100\", "
                + "\"numbers\": [{\"number\": \"2125551000\"}]}");
        long other = r.runningCampaign("{\"name\": \"Other\", \"fromNumber\": \"2135550100\", "
                + "\"numbers\": [{\"number\": \"2125551000\"}]}");
        long ann = r.agent("ann");
        r.agent("bob");
        api.post("/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + ann + "]}");
        String token = query(
                api.get("/api/campaigns/" + campaign + "/invites/" + ann)
                        .json()
                        .get("uri")
                        .asText(),
                "token");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        String agents = "/api/campaigns/" + campaign + "/agents";
        String annBody = "{\"userId\": \"" + r.user("ann") + "\", \"phoneNumber\": \"6465550101\"}";

        Response callback = api.post(agents + "/callback", annBody, bearer);
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        long session = callback.json().get("agentId").asLong();
        assertThat(api.post(agents + "/" + session + "/login", "{\"userId\": \"" + r.user("ann") + "\"}", bearer)
                        .status())
                .isEqualTo(200);
        assertThat(api.send("GET", agents + "/" + session + "/connection?waitSeconds=0", null, bearer)
                        .status())
                .isEqualTo(204);

        long bobSession =
                r.callback(campaign, r.user("bob")).json().get("agentId").asLong();
        long before = r.events("agent-session-%");
        assertRejected(
                api.post(
                        agents + "/callback",
                        "{\"userId\": \"" + r.user("bob") + "\", \"phoneNumber\": \"6465550101\"}",
                        bearer),
                403,
                null);
        assertRejected(api.post(agents + "/" + bobSession + "/logout", null, bearer), 403, null);
        assertRejected(api.post("/api/campaigns/" + other + "/agents/callback", annBody, bearer), 403, null);
        assertRejected(api.post(agents + "/" + session + "/kick", null, bearer), 403, null);
        assertRejected(
                api.post(agents + "/" + session + "/connection", "{\"number\": \"2125551000\"}", bearer), 403, null);
        assertRejected(api.send("DELETE", agents + "/" + session + "/connection?callId=1", null, bearer), 403, null);
        assertRejected(api.send("GET", "/api/agents/" + ann, null, bearer), 403, null);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        Response forged = api.post(agents + "/callback", annBody, Map.of("Authorization", "Bearer " + tampered));
        assertRejected(forged, 401, null);
        assertThat(forged.header("WWW-Authenticate")).startsWith("Bearer");
        InviteTokens.Claims claims = tokens.verify(token).orElseThrow();
        String expired =
                tokens.token(claims.inviteId(), campaign, ann, Instant.now().minusSeconds(1));
        assertRejected(
                api.post(agents + "/callback", annBody, Map.of("Authorization", "Bearer " + expired)), 401, null);
        assertThat(r.events("agent-session-%"))
                .as("refused token requests write nothing")
                .isEqualTo(before);

        // A newer invite replaces the token; disabling the agent revokes the newer one.
        api.post("/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + ann + "]}");
        assertRejected(api.post(agents + "/" + session + "/logout", null, bearer), 401, null);
        String current = query(
                api.get("/api/campaigns/" + campaign + "/invites/" + ann)
                        .json()
                        .get("uri")
                        .asText(),
                "token");
        api.delete("/api/agents/" + ann);
        assertRejected(
                api.post(agents + "/" + session + "/logout", null, Map.of("Authorization", "Bearer " + current)),
                401,
                null);
    }

    private static String query(String uri, String name) {
        for (String pair : URI.create(uri).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
