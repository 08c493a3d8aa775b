package com.campaignledger.campaign.api;

/**
 * The figures an ADAPTIVE pacing decision was computed from, kept on its event so that an auditor sees why the dialer
 * dialled as it did: the estimates of the model (share of dials answered live, seconds to a live answer, an agent's
 * seconds per call), the agents then, the last 30 days' live answers and drops, the campaign's target and the drop
 * target the model was given after correction (0 while the budget was spent).
 */
public record PacingBasis(
        double answerRate,
        double secondsToAnswer,
        double handleSeconds,
        int readyAgents,
        int busyAgents,
        long liveAnswers30Days,
        long drops30Days,
        double targetDropRate,
        double modelDropTarget) {}
