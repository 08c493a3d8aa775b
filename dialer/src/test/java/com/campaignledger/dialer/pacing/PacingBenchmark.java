package com.campaignledger.dialer.pacing;

import com.campaignledger.dialer.pacing.PacingSimulation.Result;
import com.campaignledger.dialer.pacing.PacingSimulation.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The pacing benchmark (docs/benchmarks.md, "Pacing"): seeded campaigns of 5, 20 and 100 agents run 30 simulated
 * days under each policy; a markdown row per scenario and policy. Run by {@code bench/pacing}, not by the suite.
 */
@EnabledIfSystemProperty(named = "pacing.benchmark", matches = "true")
class PacingBenchmark {

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("5 agents, 30 % answered, 120 s talk", 5, 0.30, 120, 1),
            new Scenario("5 agents, 10 % answered, 30 s talk", 5, 0.10, 30, 2),
            new Scenario("20 agents, 10 % answered, 60 s talk", 20, 0.10, 60, 3),
            new Scenario("20 agents, 40 % answered, 300 s talk", 20, 0.40, 300, 4),
            new Scenario("100 agents, 25 % answered, 30 s talk", 100, 0.25, 30, 5),
            new Scenario("100 agents, 15 % answered, 180 s talk", 100, 0.15, 180, 6));

    static final int DAYS = Integer.getInteger("pacing.days", 30);

    @Test
    void comparePolicies() {
        System.out.println("| scenario | policy | occupancy | drop rate (30 days) | worst 30-day window | worst 24 h | "
                + "connected | dials |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Scenario s : SCENARIOS) {
            for (double ratio : new double[] {1, 2, 3}) {
                row(s, "fixed " + (int) ratio, () -> PacingPolicies.fixed(ratio));
            }
            row(s, "ADAPT_AVERAGE", () -> PacingPolicies.adaptAverage(4));
            row(s, "ours", () -> PacingPolicies.ours(0.03, 4));
            double best = bestFixedRatio(s);
            row(s, String.format(Locale.ROOT, "best fixed ratio (%.2f)", best), () -> PacingPolicies.fixed(best));
            double target = bestKnownTarget(s);
            row(
                    s,
                    String.format(Locale.ROOT, "optimum (true rates, target %.1f %%)", 100 * target),
                    () -> PacingPolicies.known(s, target, 4));
        }
    }

    /**
     * The known-distribution optimum: the model told the true rates, with the highest drop target whose run stays
     * within 3 % over every 30 days and 3.5 % over every 24 hours (bisection).
     */
    static double bestKnownTarget(Scenario s) {
        double low = 0, high = 0.3;
        for (int i = 0; i < 10; i++) {
            double mid = (low + high) / 2;
            Result r = new PacingSimulation(s, DAYS, PacingPolicies.known(s, mid, 4)).run();
            if (r.worst30DayRate() <= PacingPolicies.LIMIT && r.worst24HourRate() <= 0.035) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The highest fixed ratio whose 30-day drop rate stays within 3 %, knowing the scenario (bisection). */
    static double bestFixedRatio(Scenario s) {
        double low = 1, high = 4;
        for (int i = 0; i < 8; i++) {
            double mid = (low + high) / 2;
            Result r = new PacingSimulation(s, DAYS, PacingPolicies.fixed(mid)).run();
            if (r.worst30DayRate() <= PacingPolicies.LIMIT) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static void row(Scenario s, String policy, Supplier<PacingSimulation.Policy> make) {
        Result r = new PacingSimulation(s, DAYS, make.get()).run();
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %.1f %% | %.2f %% | %.2f %% | %.2f %% | %d | %d |%n",
                s.name(),
                policy,
                100 * r.occupancy(),
                100 * r.dropRate(),
                100 * r.worst30DayRate(),
                100 * r.worst24HourRate(),
                r.connected(),
                r.dials());
    }
}
