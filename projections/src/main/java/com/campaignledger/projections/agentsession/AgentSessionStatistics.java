package com.campaignledger.projections.agentsession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One row of seed 003's Individual Agent Session Statistics, with exactly its meanings:
 * Duration = seconds logged in (until now for a session still open), Calls (Sec) = seconds on connected
 * calls, Avg Call (Sec) = Calls (Sec) / Calls, Resp. Time = seconds from a call's end to its stored
 * response, %Response = Resp. Time / Duration × 100.
 */
public record AgentSessionStatistics(
        long id,
        long campaignId,
        String phoneNumber,
        String userId,
        Instant loggedIn,
        Instant loggedOut,
        int calls,
        long duration,
        long callsSeconds,
        double avgCallSeconds,
        long responseTime,
        double responsePercent,
        String state) {

    public static AgentSessionStatistics of(AgentSessionView v, Clock clock) {
        long duration = 0;
        if (v.loggedInAt() != null) {
            Instant end = v.loggedOutAt() != null ? v.loggedOutAt() : clock.instant();
            duration = Math.max(0, Duration.between(v.loggedInAt(), end).toSeconds());
        }
        long callsSeconds = v.talkMillis() / 1000;
        long responseTime = v.responseMillis() / 1000;
        double avg = v.calls() == 0 ? 0 : round(callsSeconds / (double) v.calls());
        double percent = duration == 0 ? 0 : round(responseTime * 100.0 / duration);
        return new AgentSessionStatistics(
                v.sessionId(),
                v.campaignId(),
                v.phoneNumber(),
                v.userId(),
                v.loggedInAt(),
                v.loggedOutAt(),
                v.calls(),
                duration,
                callsSeconds,
                avg,
                responseTime,
                percent,
                v.state().name());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
