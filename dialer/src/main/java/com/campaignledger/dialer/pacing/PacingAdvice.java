package com.campaignledger.dialer.pacing;

import com.campaignledger.campaign.api.AbandonmentRule;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.Pacing;

/**
 * What an external dialer should dial now (GET /api/campaigns/{id}/pacing): the lines to have ringing (those ringing
 * included) and per ready agent, from the campaign's pacing, its agents now and its record. With ADAPTIVE pacing the
 * answer rate and the handle time are the campaign's own so far (blended with a prior while there are few calls). The
 * ledger does not see ring times: the dialer may say its own seconds from dial to a live answer, otherwise the model
 * takes 12 s. No drop beyond the ready agents' lines while the 30-day budget of drops is spent.
 *
 * @param dropsLeft drops the campaign may still make over the last 30 days and stay within its target
 */
public record PacingAdvice(
        Pacing pacing,
        int readyAgents,
        int busyAgents,
        int lines,
        double linesPerReadyAgent,
        double dialRatio,
        double targetDropRate,
        double maxRatio,
        long dropsLeft,
        AdaptivePacer.Estimates estimates) {

    static final double PRIOR_ANSWER_RATE = 0.2;
    static final double PRIOR_WEIGHT = 20;
    public static final double SECONDS_TO_ANSWER = 12;
    static final double PRIOR_HANDLE_SECONDS = 120;

    /**
     * @param monthConnected live answers connected over the last 30 days; {@code monthDropped} the drops
     * @param attempts       every dial attempt of the campaign; {@code liveAnswers} those answered live (any time)
     * @param handledCalls   agents' calls; {@code handleMillis} their talk and response time together
     * @param secondsToAnswer the dialer's seconds from dial to a live answer ({@link #SECONDS_TO_ANSWER} if unknown)
     */
    public static PacingAdvice of(
            CampaignSettings settings,
            double dialRatio,
            int ready,
            int busy,
            long monthConnected,
            long monthDropped,
            long attempts,
            long liveAnswers,
            long handledCalls,
            long handleMillis,
            double secondsToAnswer) {
        boolean adaptive = settings.pacing() == Pacing.ADAPTIVE;
        double target = adaptive ? settings.targetDropRate() : AbandonmentRule.LIMIT.doubleValue();
        long dropsLeft = dropsLeft(target, monthConnected, monthDropped);
        AdaptivePacer.Estimates estimates = new AdaptivePacer.Estimates(
                (liveAnswers + PRIOR_ANSWER_RATE * PRIOR_WEIGHT) / (attempts + PRIOR_WEIGHT),
                secondsToAnswer,
                handledCalls < 5 ? PRIOR_HANDLE_SECONDS : handleMillis / 1000.0 / handledCalls);
        int lines = adaptive
                ? AdaptivePacer.lines(ready, busy, estimates, dropsLeft > 0 ? target : 0, settings.maxRatio())
                : (int) Math.floor(dialRatio * ready);
        double perReady = ready == 0 ? 0 : Math.round(100.0 * lines / ready) / 100.0;
        return new PacingAdvice(
                settings.pacing(),
                ready,
                busy,
                lines,
                perReady,
                dialRatio,
                target,
                settings.maxRatio(),
                dropsLeft,
                estimates);
    }

    /** The most drops x with (dropped + x) / (connected + dropped + x) still within the target. */
    static long dropsLeft(double target, long connected, long dropped) {
        if (target >= 1) {
            return Long.MAX_VALUE;
        }
        double left = (target * (connected + dropped) - dropped) / (1 - target);
        return Math.max(0, (long) Math.floor(left + 1e-9));
    }
}
