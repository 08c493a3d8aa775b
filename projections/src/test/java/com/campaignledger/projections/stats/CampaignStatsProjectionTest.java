package com.campaignledger.projections.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.projections.testsupport.ReadModelDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The campaign-stats read model fed event by event, as its processor feeds it, including redeliveries. */
class CampaignStatsProjectionTest {

    private static final CampaignId CAMPAIGN = CampaignId.of(7);
    private static final Instant T0 = Instant.parse("2026-03-24T15:58:18Z");

    JdbcTemplate jdbc;
    CampaignStatsRepository repository;
    CampaignStatsProjection projection;
    long sequence;

    @BeforeEach
    void emptyReadModel() {
        jdbc = ReadModelDatabase.create(
                "V5__agent_session_view.sql",
                "V120__campaign_stats.sql",
                "V210__campaign_stats_scrubbed.sql",
                "V230__campaign_stats_violations.sql",
                "V280__compliance_record.sql");
        repository = new CampaignStatsRepository(jdbc);
        projection = new CampaignStatsProjection(repository);
        projection.on(new CampaignCreatedEvent(CAMPAIGN, "acme", CampaignSettings.named("Stats")), sequence++);
    }

    private void add(String... numbers) {
        projection.on(
                new NumbersAddedEvent(
                        CAMPAIGN,
                        List.of(numbers).stream()
                                .map(n -> new ContactNumber(n, Map.of()))
                                .toList(),
                        0),
                sequence++);
    }

    private CallResultRecordedEvent call(String number, CallResult result, int attempt, int seconds, boolean last) {
        return new CallResultRecordedEvent(
                CAMPAIGN,
                "call-" + sequence,
                number,
                result,
                attempt,
                T0,
                seconds,
                null,
                last,
                last ? null : T0.plusSeconds(3600));
    }

    private void record(CallResultRecordedEvent event) {
        projection.on(event, sequence++);
    }

    private CampaignStats stats() {
        return repository.find(CAMPAIGN.value(), "acme").orElseThrow();
    }

    @Test
    void countersCountNumbersUnderTheirLatestResultAndAttemptsCountEveryDial() {
        add("+12125550001", "+12125550002", "+12125550003");
        add("+12125550004", "+12125550005");
        record(call("+12125550001", CallResult.BUSY, 1, 0, false));
        record(call("+12125550002", CallResult.AM, 1, 20, true));
        record(call("+12125550001", CallResult.NO_ANS, 2, 0, false));
        record(call("+12125550003", CallResult.CARRIER_TEMP_ERROR, 1, 0, true));
        record(call("+12125550001", CallResult.LA, 3, 61, true));
        record(call("+12125550004", CallResult.XFER, 1, 120, true));

        CampaignStats s = stats();
        assertThat(s.total()).isEqualTo(5);
        assertThat(s.dialed()).isEqualTo(4);
        assertThat(s.attempts()).isEqualTo(6);
        assertThat(List.of(s.live(), s.machine(), s.noanswer(), s.dnc(), s.busy(), s.transfer(), s.error(), s.misc()))
                .containsExactly(1L, 1L, 0L, 0L, 0L, 1L, 1L, 0L);
        assertThat(s.live() + s.machine() + s.noanswer() + s.dnc() + s.busy() + s.transfer() + s.error() + s.misc())
                .isEqualTo(s.dialed());
        assertThat(s.callSeconds()).isEqualTo(20 + 61 + 120);
        // Rounded up call by call: 20 s -> 1 min, 61 s -> 2 min, 120 s -> 2 min, 0 s -> nothing.
        assertThat(s.callMinutes()).isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "SELECT account_id FROM campaign_stats_number WHERE number = '+12125550001'", String.class))
                .isEqualTo("acme");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        projection.on(new NumbersAddedEvent(CAMPAIGN, List.of(new ContactNumber("+12125550001", Map.of())), 0), 1);
        projection.on(new NumbersAddedEvent(CAMPAIGN, List.of(new ContactNumber("+12125550001", Map.of())), 0), 1);
        CallResultRecordedEvent busy = call("+12125550001", CallResult.BUSY, 1, 5, false);
        CallResultRecordedEvent live = call("+12125550001", CallResult.LA, 2, 30, true);
        projection.on(busy, 2);
        projection.on(live, 3);
        CampaignStats once = stats();
        // After a crash a processor may see a batch again: earlier and latest events alike.
        projection.on(busy, 2);
        projection.on(live, 3);
        projection.on(new CampaignCreatedEvent(CAMPAIGN, "acme", CampaignSettings.named("Stats")), 0);

        assertThat(stats()).isEqualTo(once);
        assertThat(once.total()).isEqualTo(1);
        assertThat(once.dialed()).isEqualTo(1);
        assertThat(once.live()).isEqualTo(1);
        assertThat(once.busy()).isZero();
        assertThat(once.attempts()).isEqualTo(2);
    }

    @Test
    void anotherAccountSeesNothingAndAResetEmptiesTheModel() {
        add("+12125550001");
        record(call("+12125550001", CallResult.DNC, 1, 0, true));
        assertThat(repository.find(CAMPAIGN.value(), "other")).isEmpty();
        assertThat(stats().dnc()).isEqualTo(1);

        projection.reset();
        assertThat(repository.find(CAMPAIGN.value(), "acme")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_stats_number", Long.class))
                .isZero();
    }
}
