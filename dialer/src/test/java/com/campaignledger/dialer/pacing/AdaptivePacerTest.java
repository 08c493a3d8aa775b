package com.campaignledger.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.campaignledger.dialer.pacing.PacingSimulation.Result;
import com.campaignledger.dialer.pacing.PacingSimulation.Scenario;
import org.junit.jupiter.api.Test;

class AdaptivePacerTest {

    private static final AdaptivePacer.Estimates QUARTER_ANSWERED = new AdaptivePacer.Estimates(0.25, 12, 60);

    @Test
    void theNormalDistributionFunctionIsAccurate() {
        assertThat(AdaptivePacer.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(AdaptivePacer.cdf(1.96)).isCloseTo(0.975, within(1e-4));
        assertThat(AdaptivePacer.cdf(-1)).isCloseTo(0.158655, within(1e-6));
    }

    /** E[max(0, D)] for D normal: with mean 0 it is σ / √(2π); far below zero, nothing; far above, the mean. */
    @Test
    void expectedDropsFollowTheNormalModel() {
        // 100 lines at 25 %: 25 answers, variance 18.75; 25 agents, no variance: D ~ N(0, 18.75).
        assertThat(AdaptivePacer.expectedDrops(100, 0.25, 25, 0))
                .isCloseTo(Math.sqrt(18.75) / Math.sqrt(2 * Math.PI), within(1e-6));
        assertThat(AdaptivePacer.expectedDrops(100, 0.25, 60, 0)).isLessThan(1e-9);
        assertThat(AdaptivePacer.expectedDrops(100, 0.25, 0, 0)).isCloseTo(25, within(1e-3));
    }

    @Test
    void linesGrowWithTheTargetAndTheAgentsAndStayUnderTheCap() {
        int none = AdaptivePacer.lines(10, 0, QUARTER_ANSWERED, 0, 4);
        int some = AdaptivePacer.lines(10, 0, QUARTER_ANSWERED, 0.03, 4);
        int more = AdaptivePacer.lines(10, 0, QUARTER_ANSWERED, 0.10, 4);
        assertThat(none).as("no drop allowed: a line per ready agent").isEqualTo(10);
        assertThat(some).isGreaterThan(none).isLessThanOrEqualTo(more);
        assertThat(more).isLessThanOrEqualTo(40);
        assertThat(AdaptivePacer.lines(10, 20, QUARTER_ANSWERED, 0.03, 4))
                .as("busy agents soon free: dial ahead for them")
                .isGreaterThan(some);
        assertThat(AdaptivePacer.lines(1, 0, new AdaptivePacer.Estimates(0.01, 12, 60), 0.5, 2))
                .as("the cap: maxRatio per logged-in agent")
                .isEqualTo(2);
        assertThat(AdaptivePacer.lines(0, 0, QUARTER_ANSWERED, 0.03, 4)).isZero();
    }

    /** A few simulated days of a small team: within the rule, and busier agents than one line per ready agent. */
    @Test
    void aSmallTeamStaysWithinTheRuleAndWorksMoreThanWithOneLinePerAgent() {
        Scenario team = new Scenario("5 agents", 5, 0.3, 120, 11);
        Result ours = new PacingSimulation(team, 3, PacingPolicies.ours(0.03, 4)).run();
        Result one = new PacingSimulation(team, 3, PacingPolicies.fixed(1)).run();
        assertThat(ours.worst30DayRate()).isLessThanOrEqualTo(0.03);
        assertThat(ours.worst24HourRate()).isLessThanOrEqualTo(0.035);
        assertThat(ours.dropped()).as("it does use its budget").isPositive();
        assertThat(ours.occupancy()).isGreaterThan(one.occupancy() + 0.03);
    }
}
