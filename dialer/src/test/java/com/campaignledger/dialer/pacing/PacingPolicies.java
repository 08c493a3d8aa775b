package com.campaignledger.dialer.pacing;

import com.campaignledger.dialer.pacing.PacingSimulation.Policy;
import com.campaignledger.dialer.pacing.PacingSimulation.View;

/** The policies the pacing benchmark compares. */
final class PacingPolicies {

    static final double LIMIT = 0.03;

    private PacingPolicies() {}

    /** A fixed ratio: {@code ratio} lines ringing per ready agent (the simulated dialer's FIXED pacing). */
    static Policy fixed(double ratio) {
        return view -> (int) Math.floor(ratio * view.ready());
    }

    /**
     * VICIdial's ADAPT_AVERAGE (bin/AST_VDadapt.pl, SPEC 3.7): every second a sample of ready agents minus calls
     * waiting; every 15 s the level becomes level × (1 + (average of the last 15 samples + target) / agents),
     * clamped to [1, max], and is halved when the day's drops / answers pass the limit. Lines: the level times the
     * agents, less the calls ringing and those connected.
     */
    static Policy adaptAverage(double max) {
        return new Policy() {
            private double level = 1;
            private final double[] samples = new double[15];
            private int taken;

            @Override
            public int lines(View view) {
                samples[taken++ % 15] = view.ready() - view.waiting();
                if (taken % 15 == 0) {
                    double average = 0;
                    for (double s : samples) {
                        average += s;
                    }
                    average /= 15;
                    level = Math.max(1, Math.min(max, level * (1 + average / view.agents())));
                    long[] today = view.today();
                    if (PacingSimulation.rate(today[0], today[1]) > LIMIT) {
                        level = Math.max(1, level / 2);
                    }
                }
                int inProgress = view.ringing() + view.busy();
                return Math.max(0, (int) Math.floor(level * view.agents()) - inProgress + view.ringing());
            }

            @Override
            public void dayStarted() {
                level = 1;
                taken = 0;
            }
        };
    }

    /** Ours: PacingController, as the simulated dialer paces a campaign with ADAPTIVE pacing. */
    static Policy ours(double target, double maxRatio) {
        PacingController controller = new PacingController(target, maxRatio);
        return new Policy() {
            @Override
            public int lines(View view) {
                return controller.lines(
                        view.ready(),
                        view.busy(),
                        view.now(),
                        counts(view.lastHours(30 * 24)),
                        counts(view.lastHours(24)),
                        counts(view.lastHours(2)));
            }

            @Override
            public void dialEnded(boolean live, double ringSeconds) {
                controller.dialEnded(live, ringSeconds);
            }

            @Override
            public void handled(double seconds) {
                controller.handled(seconds);
            }
        };
    }

    private static PacingController.Counts counts(long[] connectedAndDropped) {
        return new PacingController.Counts(connectedAndDropped[0], connectedAndDropped[1]);
    }

    /** AdaptivePacer told the scenario's true rates (no estimating, no budget): the model's best with this target. */
    static Policy known(PacingSimulation.Scenario scenario, double target, double maxRatio) {
        AdaptivePacer.Estimates truth = new AdaptivePacer.Estimates(
                scenario.answerRate(),
                PacingSimulation.MEAN_SECONDS_TO_ANSWER,
                scenario.talkSeconds() + PacingSimulation.WRAP_UP_SECONDS);
        return view -> AdaptivePacer.lines(view.ready(), view.busy(), truth, target, maxRatio);
    }
}
