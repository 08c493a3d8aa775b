package com.campaignledger.web.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.campaignledger.agent.registry.api.AgentDetails;
import com.campaignledger.agent.registry.api.AgentId;
import com.campaignledger.agent.registry.api.RegisterAgentCommand;
import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The roster contract on PostgreSQL, and what only concurrent transactions show: a userId or a group name
 * registered by several requests at the same instant is taken by exactly one of them, and the others' events
 * are not committed.
 */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryPostgresTest extends RosterContract {

    private static final int WRITERS = 8;

    @Autowired
    AgentRegistry registry;

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.Database db = PostgresTestDatabase.shared();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Test
    void anInviteIsEmailedWithItsLinkThroughSmtp() throws Exception {
        long campaign = api.post("/api/campaigns", "{\"name\": \"Mailed " + r.tag + "\"}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + campaign).status() == 200);
        long ann = r.agent("mailed");
        Response sent = api.post("/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + ann + "]}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        String uri = api.get("/api/campaigns/" + campaign + "/invites/" + ann)
                .json()
                .get("uri")
                .asText();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo(r.user("mailed")).isPresent());
        MimeMessage message = mailTo(r.user("mailed")).orElseThrow();
        assertThat(message.getSubject()).contains("Mailed " + r.tag);
        assertThat(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="))
                .contains(uri);
    }

    private static Optional<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return GreenMailUtil.getAddressList(m.getAllRecipients())
                                .contains(address);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst();
    }

    @Test
    void concurrentRegistrationsOfOneUserIdLeaveExactlyOneAgent() throws Exception {
        String userId = r.user("race");
        List<Response> responses = concurrently(i -> api.post(
                "/api/agents",
                "{\"name\": \"Racer " + i + "\", \"userId\": \"" + (i % 2 == 0 ? userId : userId.toUpperCase())
                        + "\"}"));
        assertThat(responses)
                .extracting(Response::status)
                .as(responses.toString())
                .containsOnly(201, 409)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%AgentRegisteredEvent' "
                                + "AND LOWER(convert_from(payload, 'UTF8')) LIKE ?",
                        Long.class, "%\"userid\":\"" + userId.toLowerCase() + "\"%"))
                .as("only the winner's events are committed")
                .isEqualTo(1);
        assertThat(api.get("/api/agents?userId=" + userId)
                        .json()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
    }

    /** Past any check the API makes: the registry table's unique key refuses the second agent, events and all. */
    @Test
    void aSecondAgentWithTheSameUserIdIsRefusedByTheStoreItself() {
        String userId = r.user("claim");
        commands.sendAndWait(new RegisterAgentCommand(
                AgentId.of(registry.nextAgentId()), "claims", new AgentDetails("First", userId, null, null)));
        AgentId second = AgentId.of(registry.nextAgentId());
        assertThatThrownBy(() -> commands.sendAndWait(new RegisterAgentCommand(
                        second, "claims", new AgentDetails("Second", userId.toUpperCase(), null, null))))
                .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class);
        assertThat(r.events(second.toString()))
                .as("the refused command's events are rolled back")
                .isZero();
        // Another account may have the same userId.
        commands.sendAndWait(new RegisterAgentCommand(
                AgentId.of(registry.nextAgentId()),
                "other-account",
                new AgentDetails("Elsewhere", userId, null, null)));
    }

    @Test
    void concurrentGroupsOfOneNameLeaveExactlyOneGroup() throws Exception {
        String name = "Race " + r.tag;
        List<Response> responses = concurrently(i -> api.post("/api/agent-groups", "{\"name\": \"" + name + "\"}"));
        assertThat(responses)
                .extracting(Response::status)
                .as(responses.toString())
                .containsOnly(201, 409)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%AgentGroupCreatedEvent' "
                                + "AND convert_from(payload, 'UTF8') LIKE ?",
                        Long.class, "%\"name\":\"" + name + "\"%"))
                .isEqualTo(1);
    }

    @Test
    void aRenameCannotTakeTheNameAnotherGroupTakesAtTheSameInstant() throws Exception {
        String name = "Contested " + r.tag;
        List<Long> groups = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            groups.add(r.group("Renamed " + i));
        }
        List<Response> responses = concurrently(i ->
                api.patch("/api/agent-groups/" + groups.get(i), "{\"name\": \"" + name + "\"}", java.util.Map.of()));
        assertThat(responses)
                .extracting(Response::status)
                .as(responses.toString())
                .containsOnly(200, 409)
                .filteredOn(s -> s == 200)
                .hasSize(1);
        assertThat(api.get("/api/agent-groups?name=" + name.replace(" ", "%20"))
                        .json()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
    }

    private interface Request {
        Response send(int writer);
    }

    /** Every writer's request, released at one instant. */
    private List<Response> concurrently(Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                futures.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return request.send(writer);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
