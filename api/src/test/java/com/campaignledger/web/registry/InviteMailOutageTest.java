package com.campaignledger.web.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.registry.invite.InviteMailer;
import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Invites while the mail server is unreachable: nothing acknowledged is lost. The invite is recorded and its link can
 * be fetched at once; its mail waits in the event stream (the agent-invite-mail processor does not move past it) and
 * is sent once the server answers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:invite-mail;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "spring.mail.properties.mail.smtp.connectiontimeout=1000"
        })
class InviteMailOutageTest {

    /** A port nobody listens on until the test starts the mail server there. */
    private static final int SMTP_PORT = freePort();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private GreenMail mailServer;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterEach
    void stopMailServer() {
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @Test
    void anInviteSentWhileTheMailServerIsDownIsRecordedAndMailedWhenItIsBack() throws Exception {
        RegistryClient r = new RegistryClient(port, jdbc);
        ApiClient api = r.api;
        long campaign = api.post("/api/campaigns", "{\"name\": \"Outage " + r.tag + "\"}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + campaign).status() == 200);
        long ann = r.agent("ann");

        Response sent = api.post("/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + ann + "]}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        Response invite = api.get("/api/campaigns/" + campaign + "/invites/" + ann);
        assertThat(invite.status())
                .as("the link is there while the mail is not: " + invite)
                .isEqualTo(200);
        String uri = invite.json().get("uri").asText();

        // The send fails: the processor stays before the invite, retrying it, rather than passing over it (when the
        // mail goes out it moves on within milliseconds).
        long invited = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE '%AgentInvitedEvent'",
                Long.class, "agent-" + ann);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> mailerPosition() < invited);

        mailServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> mailServer.getReceivedMessages().length == 1);
        MimeMessage message = mailServer.getReceivedMessages()[0];
        assertThat(GreenMailUtil.getAddressList(message.getAllRecipients())).isEqualTo(r.user("ann"));
        assertThat(message.getSubject()).contains("Outage " + r.tag);
        assertThat(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="))
                .contains(uri);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailerPosition() >= invited);
    }

    @Test
    void anAddressTheMailServerRefusesDoesNotHoldBackTheInvitesAfterIt() throws Exception {
        RegistryClient r = new RegistryClient(port, jdbc);
        ApiClient api = r.api;
        long campaign = api.post("/api/campaigns", "{\"name\": \"Refused " + r.tag + "\"}")
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/campaigns/" + campaign).status() == 200);
        long nobody = r.agent("nobody");
        long bea = r.agent("bea");
        try (RefusingMailServer server = new RefusingMailServer(SMTP_PORT, r.user("nobody"))) {
            // One request, two invites in this order: the refused address first.
            Response sent = api.post(
                    "/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + nobody + ", " + bea + "]}");
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            long beaInvited = jdbc.queryForObject(
                    "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                            + "AND payload_type LIKE '%AgentInvitedEvent'",
                    Long.class, "agent-" + bea);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> server.delivered().contains(r.user("bea").toLowerCase()));
            assertThat(server.delivered()).containsExactly(r.user("bea").toLowerCase());
            await().atMost(Duration.ofSeconds(10)).until(() -> mailerPosition() >= beaInvited);
            // The refused agent's link is still there to be sent another way.
            assertThat(api.get("/api/campaigns/" + campaign + "/invites/" + nobody)
                            .status())
                    .isEqualTo(200);
        }
    }

    /** The global index the invite-mail processor has handled events up to (its stored token), -1 for none. */
    private long mailerPosition() throws Exception {
        byte[] token = jdbc.queryForObject(
                "SELECT token FROM token_entry WHERE processor_name = ? AND segment = 0",
                byte[].class,
                InviteMailer.PROCESSING_GROUP);
        if (token == null) {
            return -1; // started on an empty event store and has handled nothing since
        }
        // A GapAwareTrackingToken, as JSON: {"index": …, "gaps": […]}.
        return new ObjectMapper().readTree(token).get("index").asLong();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
