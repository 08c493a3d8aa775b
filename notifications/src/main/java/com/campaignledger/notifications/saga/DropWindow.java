package com.campaignledger.notifications.saga;

import com.campaignledger.campaign.api.AbandonmentRule;
import com.campaignledger.campaign.api.LiveAnswer;
import com.campaignledger.notifications.api.ComplianceFacts;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A campaign's live answers and drops over its last 30 UTC days (the newest day a call was on, and the 29 before):
 * what the compliance alert watches. Kept with the notification saga, so it stays small (at most 30 entries).
 *
 * <p>The alert also looks one day ahead: the <em>projected</em> rate is the window's a day later if the next day goes
 * as the newest has so far (the oldest day leaves, one more like the newest comes in). A campaign whose good days
 * are about to leave the window while today's drops run high is told before the rolling rate passes the limit,
 * while there is still a day to slow its dialing. Both come from the events alone, so a replay decides the same.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class DropWindow {

    /** Epoch day to {connected, dropped}. */
    private TreeMap<Long, long[]> days = new TreeMap<>();
    /** An alert was raised and the rate has not come back within the limit since: one alert per passing. */
    private boolean alerted;

    /**
     * Counts one live answer on its day. Answers the window's figures when this answer is a drop that takes the
     * rolling rate, or the projected one, past the limit; a call older than the window counts for nothing here.
     */
    Optional<ComplianceFacts> count(LocalDate day, LiveAnswer answer) {
        long key = day.toEpochDay();
        long newest = days.isEmpty() ? key : Math.max(days.lastKey(), key);
        long oldest = newest - AbandonmentRule.ROLLING_DAYS + 1;
        if (key < oldest) {
            return Optional.empty();
        }
        days.computeIfAbsent(key, k -> new long[2])[answer.dropped() ? 1 : 0]++;
        days.headMap(oldest).clear();
        long connected = days.values().stream().mapToLong(c -> c[0]).sum();
        long drops = days.values().stream().mapToLong(c -> c[1]).sum();
        BigDecimal rate = AbandonmentRule.dropRate(connected, drops);
        long[] leaving = days.getOrDefault(oldest, new long[2]);
        long[] today = days.getOrDefault(newest, new long[2]);
        BigDecimal projected =
                AbandonmentRule.dropRate(connected - leaving[0] + today[0], drops - leaving[1] + today[1]);
        if (AbandonmentRule.within(rate) && AbandonmentRule.within(projected)) {
            alerted = false;
            return Optional.empty();
        }
        if (alerted || !answer.dropped()) {
            return Optional.empty();
        }
        alerted = true;
        return Optional.of(new ComplianceFacts(
                LocalDate.ofEpochDay(oldest),
                LocalDate.ofEpochDay(newest),
                connected,
                drops,
                rate,
                projected,
                AbandonmentRule.LIMIT));
    }
}
