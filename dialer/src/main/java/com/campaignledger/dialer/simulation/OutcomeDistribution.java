package com.campaignledger.dialer.simulation;

import com.campaignledger.campaign.api.CallResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Draws dial outcomes with the configured weights. */
public final class OutcomeDistribution {

    private final List<CallResult> results = new ArrayList<>();
    private final int[] cumulative;
    private final int total;

    public OutcomeDistribution(Map<CallResult, Integer> weights) {
        cumulative = new int[weights.size()];
        int sum = 0;
        for (Map.Entry<CallResult, Integer> w : weights.entrySet()) {
            if (w.getValue() < 0) {
                throw new IllegalArgumentException("negative weight for " + w.getKey());
            }
            sum += w.getValue();
            cumulative[results.size()] = sum;
            results.add(w.getKey());
        }
        if (sum == 0) {
            throw new IllegalArgumentException("the outcome weights add up to 0");
        }
        total = sum;
    }

    public CallResult draw(RandomGenerator random) {
        int r = random.nextInt(total);
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return results.get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
