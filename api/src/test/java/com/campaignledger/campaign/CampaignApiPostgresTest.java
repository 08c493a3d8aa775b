package com.campaignledger.campaign;

import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign contract on PostgreSQL, the production store, plus what only PostgreSQL can show. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignApiPostgresTest extends CampaignApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.Database db = PostgresTestDatabase.shared();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Test
    void theWholeHistoryIsReadableJsonInTheEventStore() throws Exception {
        long id = create(SEED_000);
        api.patch("/api/campaigns/" + id, "{\"script\": \"Hello\"}", java.util.Map.of());
        List<String> payloads = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, "campaign-" + id);
        assertThat(payloads).hasSize(2);
        JsonNode created = JSON.readTree(payloads.get(0));
        assertThat(created.get("campaignId").asLong()).isEqualTo(id);
        assertThat(created.at("/settings/name").asText()).isEqualTo("Test Broadcast Service (text to speech)");
        assertThat(created.at("/settings/fromNumber").asText()).isEqualTo("+19206596476");
        assertThat(created.at("/settings/retryConfig/retryResults").toString()).isEqualTo("[\"BUSY\",\"NO_ANS\"]");
        JsonNode updated = JSON.readTree(payloads.get(1));
        assertThat(updated.at("/changes/0/field").asText()).isEqualTo("script");
        assertThat(updated.at("/changes/0/oldValue").isNull()).isTrue();
        assertThat(updated.at("/changes/0/newValue").asText()).isEqualTo("Hello");
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, "campaign-" + id)).containsExactly(
                "com.campaignledger.campaign.api.CampaignCreatedEvent", "com.campaignledger.campaign.api.CampaignUpdatedEvent");
    }

    /** Accounts and credentials on PostgreSQL: another account's campaign is not found, and changes nothing. */
    @Test
    void anotherAccountsCredentialFindsNoCampaignAndWritesNothing() {
        String account = "pg-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/admin/accounts", "{\"id\": \"" + account + "\", \"name\": \"Other\"}").status()).isEqualTo(201);
        var credential = api.post("/api/admin/accounts/" + account + "/credentials", "{\"login\": \"" + account + "-api\"}");
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        var other = api.as(account + "-api", credential.json().get("secret").asText());

        long id = create(SEED_000);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "campaign-" + id);
        assertThat(other.get("/api/campaigns/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/api/campaigns/" + id, "{\"script\": \"theirs\"}", java.util.Map.of()).status()).isEqualTo(404);
        assertThat(other.put("/api/campaigns/" + id + "/dial-ratio", "{\"ratio\": 2.0}").status()).isEqualTo(404);
        assertThat(other.get("/api/campaigns").json().get("totalElements").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "campaign-" + id)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, "campaign-" + id))
                .contains("\"actor\":\"" + com.campaignledger.testsupport.ApiClient.ADMIN_LOGIN + "\"");
    }
}
