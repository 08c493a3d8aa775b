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

    /**
     * A pacer started again (a dialer restarted) recalls the campaign's record: with the 30 days' budget spent
     * there (970 connected and 40 dropped ten days ago) it dials only for the ready agents, where one that counted
     * only the 100 calls connected since the restart would drop again.
     */
    @Test
    void aPacerStartedAgainRecallsTheDropsOfTheRecord() {
        CampaignPacer recalled = new CampaignPacer(0.03, 4);
        recalled.recall(
                java.util.List.of(new CampaignPacer.Day(java.time.LocalDate.of(2026, 11, 27), 970, 40)),
                4000,
                1000,
                970,
                120,
                T0);
        CampaignPacer forgetful = new CampaignPacer(0.03, 4);
        for (int i = 0; i < 100; i++) {
            recalled.connected(T0.minusSeconds(600), 70);
            forgetful.connected(T0.minusSeconds(600), 70);
        }
        assertThat(recalled.lines(5, 5, T0)).isEqualTo(5);
        assertThat(forgetful.lines(5, 5, T0)).isGreaterThan(5);
        assertThat(recalled.adjustment(7, 5, 5, 5, T0).orElseThrow().basis().drops30Days())
                .isEqualTo(40);
    }

    /**
     * The record's answer rate and handle time replace the model's priors once there is enough of them; a past
     * day's drops count in the last 24 hours' budget while that day's last hour is in them (erring towards fewer
     * drops), today's always.
     */
    @Test
    void theRecordsRatesReplaceThePriorsAndItsDaysFillTheBudgets() {
        CampaignPacer pacer = new CampaignPacer(0.03, 4);
        pacer.recall(java.util.List.of(), 400, 100, 50, 90, T0);
        AdjustDialRatioCommand first = pacer.adjustment(7, 4, 0, 8, T0).orElseThrow();
        assertThat(first.basis().answerRate()).isEqualTo(0.25);
        assertThat(first.basis().handleSeconds()).isEqualTo(90);
        CampaignPacer few = new CampaignPacer(0.03, 4);
        few.recall(java.util.List.of(), 10, 9, 2, 500, T0);
        AdjustDialRatioCommand priors = few.adjustment(7, 4, 0, 8, T0).orElseThrow();
        assertThat(priors.basis().answerRate())
                .as("too few attempts: the prior")
                .isEqualTo(0.2);
        assertThat(priors.basis().handleSeconds())
                .as("too few calls: the prior")
                .isEqualTo(120);
        // Yesterday's drops (10 of 110) with today's 100 live answers spend the 24 hours' budget at 15:00 today;
        // the same two days earlier do not.
        assertThat(withDropsOn(java.time.LocalDate.of(2026, 12, 6)).lines(5, 5, T0))
                .isEqualTo(5);
        CampaignPacer earlier = withDropsOn(java.time.LocalDate.of(2026, 12, 5));
        assertThat(earlier.lines(5, 5, T0)).isGreaterThan(5);
    }

    /** A record of 2,000 good live answers weeks ago, 10 drops of 110 on {@code day}, 100 live answers today. */
    private static CampaignPacer withDropsOn(java.time.LocalDate day) {
        CampaignPacer pacer = new CampaignPacer(0.03, 4);
        pacer.recall(
                java.util.List.of(
                        new CampaignPacer.Day(java.time.LocalDate.of(2026, 11, 20), 2000, 0),
                        new CampaignPacer.Day(day, 100, 10),
                        new CampaignPacer.Day(java.time.LocalDate.of(2026, 12, 7), 100, 0)),
                4000,
                1000,
                500,
                70,
                T0);
        return pacer;
    }
}
