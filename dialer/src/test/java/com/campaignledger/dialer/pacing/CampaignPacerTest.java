package com.campaignledger.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.campaign.api.AdjustDialRatioCommand;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignPacerTest {

    private static final Instant T0 = Instant.parse("2026-12-07T15:00:00Z");

    /** The first decision is recorded; then a change of a quarter or more, at most every five minutes. */
    @Test
    void changesWorthItAreRecordedWithTheirFigures() {
        CampaignPacer pacer = new CampaignPacer(0.03, 4);
        for (int i = 0; i < 200; i++) {
            pacer.connected(T0.minusSeconds(600), 70);
        }
        pacer.dropped(T0.minusSeconds(600));
        Optional<AdjustDialRatioCommand> first = pacer.adjustment(7, 8, 6, 20, T0);
        assertThat(first).isPresent();
        assertThat(first.get().ratio()).isEqualTo(2.5);
        assertThat(first.get().basis().readyAgents()).isEqualTo(8);
        assertThat(first.get().basis().liveAnswers30Days()).isEqualTo(200);
        assertThat(first.get().basis().drops30Days()).isEqualTo(1);
        assertThat(first.get().basis().targetDropRate()).isEqualTo(0.03);
        assertThat(pacer.adjustment(7, 8, 6, 28, T0.plusSeconds(60)))
                .as("too soon")
                .isEmpty();
        assertThat(pacer.adjustment(7, 8, 6, 20, T0.plusSeconds(600)))
                .as("no change")
                .isEmpty();
        assertThat(pacer.adjustment(7, 8, 6, 21, T0.plusSeconds(600)))
                .as("less than a quarter")
                .isEmpty();
        assertThat(pacer.adjustment(7, 8, 6, 22, T0.plusSeconds(600))).isPresent();
        assertThat(pacer.adjustment(7, 0, 10, 4, T0.plusSeconds(1200)))
                .as("nobody ready")
                .isEmpty();
    }

    /** With the 30 days' budget spent (3 drops of 100), only the ready agents' lines. */
    @Test
    void aSpentBudgetDialsOnlyForTheReadyAgents() {
        CampaignPacer pacer = new CampaignPacer(0.03, 4);
        for (int i = 0; i < 97; i++) {
            pacer.connected(T0.minusSeconds(3600 * 30), 70);
        }
        for (int i = 0; i < 3; i++) {
            pacer.dropped(T0.minusSeconds(3600 * 30));
        }
        assertThat(pacer.lines(5, 5, T0)).isEqualTo(5);
        // Budgets left over the 30 days and the last 24 hours.
        CampaignPacer fresh = new CampaignPacer(0.03, 4);
        for (int i = 0; i < 300; i++) {
            fresh.connected(T0.minusSeconds(600), 70);
        }
        assertThat(fresh.lines(5, 5, T0)).isGreaterThan(5);
    }
}
