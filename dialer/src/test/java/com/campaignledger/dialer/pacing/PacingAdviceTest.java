package com.campaignledger.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.Pacing;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacingAdviceTest {

    private static final CampaignSettings FIXED = CampaignSettings.named("Fixed");
    private static final CampaignSettings ADAPTIVE =
            FIXED.with(CampaignPatch.of(Map.of("pacing", Pacing.ADAPTIVE, "maxRatio", 3.0)));

    /** (3 + x) / (200 + 3 + x) ≤ 3 %: x = 3 (6 / 206 = 2.91 %; 7 / 207 = 3.38 %). */
    @Test
    void theDropsLeftKeepTheThirtyDaysWithinTheTarget() {
        assertThat(PacingAdvice.dropsLeft(0.03, 200, 3)).isEqualTo(3);
        assertThat(PacingAdvice.dropsLeft(0.03, 97, 3))
                .as("exactly at the limit")
                .isZero();
        assertThat(PacingAdvice.dropsLeft(0.03, 10, 5)).as("past it").isZero();
        assertThat(PacingAdvice.dropsLeft(0.03, 0, 0)).isZero();
    }

    @Test
    void fixedPacingDialsItsRatioPerReadyAgent() {
        PacingAdvice advice = PacingAdvice.of(FIXED, 2.5, 4, 6, 0, 0, 0, 0, 0, 0, 12);
        assertThat(advice.lines()).isEqualTo(10);
        assertThat(advice.linesPerReadyAgent()).isEqualTo(2.5);
        assertThat(advice.pacing()).isEqualTo(Pacing.FIXED);
    }

    @Test
    void adaptivePacingDialsAheadOnlyWithDropsLeftInItsBudget() {
        // 1,000 attempts, 250 answered live; agents 60 s a call: a quarter answered, dial ahead for the busy ones.
        PacingAdvice ahead = PacingAdvice.of(ADAPTIVE, 1, 4, 6, 200, 2, 1000, 250, 100, 6_000_000, 12);
        assertThat(ahead.dropsLeft()).isPositive();
        assertThat(ahead.estimates().answerRate()).isBetween(0.24, 0.26);
        assertThat(ahead.estimates().handleSeconds()).isEqualTo(60);
        assertThat(ahead.lines()).isGreaterThan(4).isLessThanOrEqualTo(30);
        PacingAdvice spent = PacingAdvice.of(ADAPTIVE, 1, 4, 6, 97, 3, 1000, 250, 100, 6_000_000, 12);
        assertThat(spent.dropsLeft()).isZero();
        assertThat(spent.lines()).as("only the ready agents' lines").isEqualTo(4);
    }

    /** The dialer's own ring time: the longer a live answer takes to come, the more busy agents are free for it. */
    @Test
    void aLongerTimeToAnswerDialsFurtherAhead() {
        PacingAdvice quick = PacingAdvice.of(ADAPTIVE, 1, 2, 8, 2000, 20, 1000, 250, 100, 6_000_000, 5);
        PacingAdvice slow = PacingAdvice.of(ADAPTIVE, 1, 2, 8, 2000, 20, 1000, 250, 100, 6_000_000, 40);
        assertThat(quick.estimates().secondsToAnswer()).isEqualTo(5);
        assertThat(slow.estimates().secondsToAnswer()).isEqualTo(40);
        assertThat(slow.lines()).isGreaterThan(quick.lines());
    }
}
