package com.campaignledger.dialer.pacing;

import com.campaignledger.campaign.api.AdjustDialRatioCommand;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.PacingBasis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ADAPTIVE pacing of one campaign by the simulated dialer: a {@link PacingController} and the live answers it
 * connected and dropped per hour over the last 30 days. It starts from the campaign's compliance record
 * ({@link #recall}), so a dialer started again does not take the drops already made as budget left.
 * Each change of the lines per ready agent by a quarter or more, at most one per five minutes of call-flow time, is
 * recorded on the campaign with its figures ({@link AdjustDialRatioCommand}).
 */
public final class CampaignPacer {

    static final double RECORDED_CHANGE = 0.25;
    static final Duration RECORD_AT_MOST_EVERY = Duration.ofMinutes(5);
    /** Enough of the record to take its answer rate and handle time over the model's priors. */
    static final long ENOUGH_ATTEMPTS = 20;

    static final long ENOUGH_HANDLED = 5;

    private final PacingController controller;
    private final double target;
    /** Epoch hour to {connected, dropped}. */
    private final TreeMap<Long, long[]> hours = new TreeMap<>();

    private double recordedRatio = -1;
    private Instant recordedAt = Instant.MIN;

    public CampaignPacer(double target, double maxRatio) {
        this.controller = new PacingController(target, maxRatio);
        this.target = target;
    }

    /** A day of the compliance record: its live answers connected and dropped. */
    public record Day(LocalDate day, long connected, long dropped) {}

    /**
     * Starts from what the campaign's record holds rather than from nothing: its last 30 days, and the answer rate
     * and handle time seen so far (each when there is enough to go on). The record counts by day: a past day counts
     * as if all in its last hour and today as if all in this hour, so the 24-hour budget errs towards fewer drops.
     */
    public void recall(
            List<Day> days, long attempts, long liveAnswers, long handledCalls, double handleSeconds, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        for (Day day : days) {
            long last = day.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() / 3600 - 1;
            long[] counts = hours.computeIfAbsent(Math.min(last, hour), h -> new long[2]);
            counts[0] += day.connected();
            counts[1] += day.dropped();
        }
        controller.recall(
                attempts >= ENOUGH_ATTEMPTS ? (double) liveAnswers / attempts : Double.NaN,
                handledCalls >= ENOUGH_HANDLED ? handleSeconds : Double.NaN);
    }

    /** The lines to have ringing now (those ringing included). */
    public int lines(int ready, int busy, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        hours.headMap(hour - 30 * 24 + 1).clear();
        return controller.lines(
                ready, busy, now.getEpochSecond(), since(hour - 30 * 24 + 1), since(hour - 23), since(hour - 1));
    }

    /** A dial ended, answered live after {@code ringSeconds} or not. */
    public void dialEnded(boolean live, double ringSeconds) {
        controller.dialEnded(live, ringSeconds);
    }

    /** A live answer reached an agent, who spends {@code handleSeconds} on it (talk and wrap-up). */
    public void connected(Instant at, double handleSeconds) {
        bucket(at)[0]++;
        controller.handled(handleSeconds);
    }

    /** A live answer found no agent. */
    public void dropped(Instant at) {
        bucket(at)[1]++;
    }

    /** The record of a change of the lines per ready agent, when it is one worth recording now. */
    public Optional<AdjustDialRatioCommand> adjustment(long campaignId, int ready, int busy, int lines, Instant now) {
        if (ready == 0) {
            return Optional.empty();
        }
        double ratio = Math.round(100.0 * lines / ready) / 100.0;
        if (Math.abs(ratio - recordedRatio) < RECORDED_CHANGE || now.isBefore(recordedAt.plus(RECORD_AT_MOST_EVERY))) {
            return Optional.empty();
        }
        recordedRatio = ratio;
        recordedAt = now;
        long hour = now.getEpochSecond() / 3600;
        PacingController.Counts month = since(hour - 30 * 24 + 1);
        AdaptivePacer.Estimates e = controller.estimates();
        return Optional.of(new AdjustDialRatioCommand(
                CampaignId.of(campaignId),
                ratio,
                new PacingBasis(
                        e.answerRate(),
                        e.secondsToAnswer(),
                        e.handleSeconds(),
                        ready,
                        busy,
                        month.connected(),
                        month.dropped(),
                        target,
                        controller.modelTarget())));
    }

    private long[] bucket(Instant at) {
        return hours.computeIfAbsent(at.getEpochSecond() / 3600, h -> new long[2]);
    }

    private PacingController.Counts since(long fromHour) {
        long connected = 0;
        long dropped = 0;
        for (long[] counts : hours.tailMap(fromHour).values()) {
            connected += counts[0];
            dropped += counts[1];
        }
        return new PacingController.Counts(connected, dropped);
    }
}
