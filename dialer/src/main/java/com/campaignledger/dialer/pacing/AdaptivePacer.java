package com.campaignledger.dialer.pacing;

/**
 * Adaptive pacing (SPEC 3.7): how many lines a campaign should have ringing now so that the live answers they bring
 * find an agent, within a drop target. The lines ringing will bring about {@code lines × answerRate} live answers
 * (binomial); the agents to take them are the ready ones and the busy ones that will have finished by the time the
 * answers come (each with probability {@code 1 - exp(-secondsToAnswer / handleSeconds)}). With both counts taken as
 * normal, the expected drops are {@code E[max(0, answers - agents)] = μ Φ(μ/σ) + σ φ(μ/σ)}; the pacer takes the most
 * lines whose expected drops stay within {@code dropTarget} of their expected live answers. Enough lines for the
 * ready agents alone never drop a call, so that many are always allowed.
 */
public final class AdaptivePacer {

    /**
     * What the campaign's recent calls show: the share of dials answered live, the seconds from dial to that answer,
     * and an agent's seconds per call (talk and wrap-up).
     */
    public record Estimates(double answerRate, double secondsToAnswer, double handleSeconds) {}

    private AdaptivePacer() {}

    /**
     * The lines to have ringing (those ringing already included), at most {@code maxRatio} per logged-in agent.
     *
     * @param ready      agents waiting for a call
     * @param busy       agents on a call or wrapping one up
     * @param dropTarget the share of live answers that may be dropped, 0 for none beyond the ready agents' lines
     */
    public static int lines(int ready, int busy, Estimates estimates, double dropTarget, double maxRatio) {
        int cap = (int) Math.floor(maxRatio * (ready + busy));
        int safe = Math.min(ready, cap);
        if (dropTarget <= 0 || estimates.answerRate() <= 0) {
            return safe;
        }
        double p = Math.min(1, estimates.answerRate());
        double freeing = busy * (1 - Math.exp(-estimates.secondsToAnswer() / Math.max(1, estimates.handleSeconds())));
        double agentsMean = ready + freeing;
        double agentsVariance = busy == 0 ? 0 : freeing * (1 - freeing / busy);
        int lines = safe;
        while (lines < cap && expectedDrops(lines + 1, p, agentsMean, agentsVariance) <= dropTarget * (lines + 1) * p) {
            lines++;
        }
        return lines;
    }

    /** E[max(0, answers - agents)] with answers ~ Binomial(lines, p) and agents ~ N(mean, variance), as normals. */
    static double expectedDrops(int lines, double p, double agentsMean, double agentsVariance) {
        double mu = lines * p - agentsMean;
        double sigma = Math.sqrt(lines * p * (1 - p) + agentsVariance);
        if (sigma < 1e-9) {
            return Math.max(0, mu);
        }
        double z = mu / sigma;
        return mu * cdf(z) + sigma * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    }

    /** The standard normal distribution function (Abramowitz and Stegun 7.1.26; error below 1.5e-7). */
    static double cdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1
                - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                        * t
                        * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
