package com.campaignledger.projections.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.agent.session.api.AgentResponseStoredEvent;
import com.campaignledger.agent.session.api.AgentSessionId;
import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.CallResultRecordedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.projections.testsupport.ReadModelDatabase;
import com.campaignledger.projections.totals.ReadModelTotals;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** call_result_total follows call_record: each call once under its latest result, whatever is delivered twice. */
class CallResultTotalsTest {

    private static final CampaignId CAMPAIGN = CampaignId.of(7);
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    JdbcTemplate jdbc;
    CallsProjection projection;
    ReadModelTotals totals;

    @BeforeEach
    void emptyReadModel() {
        jdbc = ReadModelDatabase.create(
                "V3__campaign_view.sql", "V5__agent_session_view.sql", "V250__calls.sql", "V310__meter_totals.sql");
        projection = new CallsProjection(jdbc);
        totals = new ReadModelTotals(jdbc);
    }

    private void record(String callId, CallResult result) {
        projection.on(new CallResultRecordedEvent(CAMPAIGN, callId, "2135551212", result, 1, T0, 30, null, true, null));
    }

    private Map<String, Long> byResult() {
        return jdbc
                .queryForList("SELECT result, calls FROM call_result_total WHERE campaign_id = ?", CAMPAIGN.value())
                .stream()
                .collect(Collectors.toMap(r -> (String) r.get("result"), r -> ((Number) r.get("calls")).longValue()));
    }

    @Test
    void eachCallCountsOnceUnderItsLatestResult() {
        record("c-1", CallResult.LA);
        record("c-2", CallResult.BUSY);
        record("c-1", CallResult.LA); // redelivered
        projection.on(new AgentResponseStoredEvent(
                new AgentSessionId(3), CAMPAIGN.value(), "c-3", "2135551213", "sold", null, false, false, T0, T0, T0));
        assertThat(byResult()).containsOnly(Map.entry("LA", 1L), Map.entry("BUSY", 1L));

        record("c-3", CallResult.SD); // the agent's response came first: the row had no result yet
        record("c-2", CallResult.NO_ANS); // the same call with another result moves from one to the other
        assertThat(byResult())
                .containsOnly(Map.entry("LA", 1L), Map.entry("BUSY", 0L), Map.entry("SD", 1L), Map.entry("NO_ANS", 1L));
        assertThat(byResult().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(
                        jdbc.queryForObject("SELECT COUNT(*) FROM call_record WHERE result IS NOT NULL", Long.class));

        ReadModelTotals.Totals read = totals.read();
        assertThat(read.calls("LA")).isEqualTo(1);
        assertThat(read.calls("AM")).isZero();
        assertThat(read.liveAnswers("CONNECTED")).isEqualTo(1);
        assertThat(read.liveAnswers("DROPPED_WITH_MESSAGE")).isEqualTo(1);
        assertThat(read.liveAnswers("DROPPED_WITHOUT_MESSAGE")).isZero();

        projection.reset();
        assertThat(byResult()).isEmpty();
    }
}
