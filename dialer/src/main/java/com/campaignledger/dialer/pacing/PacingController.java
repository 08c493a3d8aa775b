package com.campaignledger.dialer.pacing;

/**
 * Adaptive pacing for one campaign (SPEC 3.7): learns the answer rate, ring time and handle time from the calls as
 * they end, asks {@link AdaptivePacer} for the lines to have ringing, and corrects the model by what it sees: every
 * quarter of an hour the drop target given to the model is raised or lowered by how the last hours' drop rate stands
 * against the aim ({@code 5/6} of the campaign's target, a margin for chance). Whenever the last 30 days or the last
 * 24 hours have no drop left in their budget (3 % and 3.5 % of their live answers), it dials only for the agents that
 * are ready, which drops nothing. Not thread-safe: one dialer thread paces a campaign.
 */
public final class PacingController {

    /** The limit of the abandonment rule over 30 days, and the stricter one kept over any 24 hours. */
    static final double MONTH_LIMIT = 0.03;

    static final double DAY_LIMIT = 0.035;

    private static final double ADJUST_EVERY_SECONDS = 900;
    private static final long ENOUGH_TO_JUDGE = 30;

    private final double target;
    private final double maxRatio;
    private double answerRate = 0.2;
    private double secondsToAnswer = 12;
    private double handleSeconds = 120;
    private double gain = 1;
    private double lastAdjusted = Double.NEGATIVE_INFINITY;
    private double modelTarget;

    /**
     * @param target   the campaign's target drop rate (at most 3 %)
     * @param maxRatio the most lines per logged-in agent (at most 4)
     */
    public PacingController(double target, double maxRatio) {
        this.target = target;
        this.maxRatio = maxRatio;
    }

    /** Live answers connected and dropped over a period. */
    public record Counts(long connected, long dropped) {

        double rate() {
            return connected + dropped == 0 ? 0 : (double) dropped / (connected + dropped);
        }

        /** Whether one more drop would still keep this period within {@code limit}. */
        boolean roomFor(double limit) {
            return dropped + 1 <= limit * (connected + dropped + 1);
        }
    }

    /**
     * The lines to have ringing now (those ringing included).
     *
     * @param seconds the time now, in seconds of any fixed origin
     * @param recent  the last two hours
     */
    public int lines(int ready, int busy, double seconds, Counts month, Counts day, Counts recent) {
        if (seconds - lastAdjusted >= ADJUST_EVERY_SECONDS) {
            lastAdjusted = seconds;
            if (recent.connected() + recent.dropped() >= ENOUGH_TO_JUDGE) {
                double aim = target * 5 / 6;
                double step = Math.exp(0.5 * (aim - recent.rate()) / aim);
                gain = Math.max(0.25, Math.min(20, gain * Math.max(0.5, Math.min(2, step))));
            }
        }
        boolean budget = month.roomFor(Math.min(MONTH_LIMIT, target)) && day.roomFor(DAY_LIMIT);
        modelTarget = budget ? target * gain : 0;
        return AdaptivePacer.lines(ready, busy, estimates(), modelTarget, maxRatio);
    }

    /** The drop target the model was last given: the campaign's, corrected; 0 while a budget was spent. */
    public double modelTarget() {
        return modelTarget;
    }

    /** What the model works with now. */
    public AdaptivePacer.Estimates estimates() {
        return new AdaptivePacer.Estimates(answerRate, secondsToAnswer, handleSeconds);
    }

    /** Starts from the record's answer rate and handle time; NaN keeps the model's prior. */
    public void recall(double answerRate, double handleSeconds) {
        if (!Double.isNaN(answerRate)) {
            this.answerRate = answerRate;
        }
        if (!Double.isNaN(handleSeconds)) {
            this.handleSeconds = handleSeconds;
        }
    }

    /** A dial ended: answered live after {@code ringSeconds}, or not answered at all. */
    public void dialEnded(boolean live, double ringSeconds) {
        answerRate += ((live ? 1 : 0) - answerRate) * 0.002;
        if (live) {
            secondsToAnswer += (ringSeconds - secondsToAnswer) * 0.01;
        }
    }

    /** An agent finished a call: talk and wrap-up. */
    public void handled(double seconds) {
        handleSeconds += (seconds - handleSeconds) * 0.01;
    }
}
