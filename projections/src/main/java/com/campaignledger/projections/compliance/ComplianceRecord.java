package com.campaignledger.projections.compliance;

import com.campaignledger.campaign.api.AbandonmentRule;
import com.campaignledger.projections.compliance.ComplianceRepository.DayCounts;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The abandonment rule's figures (SPEC 3.7): drop rate = drops / (live answers + drops), where live answers are the
 * calls connected to an agent and drops the live answers dropped, with the safe-harbor message (SD) or without it
 * (ABANDONED); at most {@link #LIMIT} over any {@link #ROLLING_DAYS} days. Days are UTC days.
 */
public final class ComplianceRecord {

    /** The legal limit: 3 % of live answers over 30 days (AbandonmentRule). */
    public static final BigDecimal LIMIT = AbandonmentRule.LIMIT;

    public static final int ROLLING_DAYS = AbandonmentRule.ROLLING_DAYS;

    private ComplianceRecord() {}

    /**
     * One day of a campaign: its own counts and rate, the rate over the 30 days that end with it (what the rule
     * measures), and whether that rolling rate is within the limit. The order is the CSV's.
     */
    @JsonPropertyOrder({
        "day",
        "liveAnswers",
        "drops",
        "dropsWithSafeHarborMessage",
        "dropsWithoutMessage",
        "dropRate",
        "rolling30DayDropRate",
        "withinLimit",
        "dncViolations",
        "callingWindowViolations"
    })
    public record Day(
            LocalDate day,
            long liveAnswers,
            long drops,
            long dropsWithSafeHarborMessage,
            long dropsWithoutMessage,
            BigDecimal dropRate,
            BigDecimal rolling30DayDropRate,
            boolean withinLimit,
            long dncViolations,
            long callingWindowViolations) {}

    /** A period's totals (both days included). */
    public record Period(
            LocalDate from,
            LocalDate to,
            long liveAnswers,
            long drops,
            long dropsWithSafeHarborMessage,
            long dropsWithoutMessage,
            BigDecimal dropRate,
            boolean withinLimit,
            long dncViolations,
            long callingWindowViolations) {

        static Period of(LocalDate from, LocalDate to, List<DayCounts> days) {
            long connected = 0, withMessage = 0, withoutMessage = 0, dnc = 0, window = 0;
            for (DayCounts d : days) {
                connected += d.connected();
                withMessage += d.droppedWithMessage();
                withoutMessage += d.droppedWithoutMessage();
                dnc += d.dncViolations();
                window += d.callingWindowViolations();
            }
            BigDecimal rate = rate(connected, withMessage + withoutMessage);
            return new Period(
                    from,
                    to,
                    connected,
                    withMessage + withoutMessage,
                    withMessage,
                    withoutMessage,
                    rate,
                    within(rate),
                    dnc,
                    window);
        }
    }

    /** A campaign's record: the 30 days ending with {@code to}, and every day of the asked period. */
    public record CampaignRecord(long campaignId, BigDecimal limit, Period rolling30Days, List<Day> daily) {}

    /** One campaign of an account over a period; the order is the CSV's. */
    @JsonPropertyOrder({
        "campaignId",
        "name",
        "from",
        "to",
        "liveAnswers",
        "drops",
        "dropsWithSafeHarborMessage",
        "dropsWithoutMessage",
        "dropRate",
        "withinLimit",
        "dncViolations",
        "callingWindowViolations"
    })
    public record CampaignPeriod(
            long campaignId,
            String name,
            LocalDate from,
            LocalDate to,
            long liveAnswers,
            long drops,
            long dropsWithSafeHarborMessage,
            long dropsWithoutMessage,
            BigDecimal dropRate,
            boolean withinLimit,
            long dncViolations,
            long callingWindowViolations) {}

    /** Every campaign of an account with a counted call in the period. */
    public record AccountRecord(LocalDate from, LocalDate to, BigDecimal limit, List<CampaignPeriod> campaigns) {}

    /** drops / (live answers + drops), to four places; null when there was no live answer at all. */
    public static BigDecimal rate(long liveAnswers, long drops) {
        return AbandonmentRule.dropRate(liveAnswers, drops);
    }

    static boolean within(BigDecimal rate) {
        return AbandonmentRule.within(rate);
    }

    /**
     * Every day from {@code from} to {@code to}, days without calls as zeros, each with the rolling rate of the 30 days
     * ending with it; {@code counts} must cover the 29 days before {@code from} too.
     */
    static List<Day> daily(LocalDate from, LocalDate to, List<DayCounts> counts) {
        Map<LocalDate, DayCounts> byDay =
                counts.stream().collect(Collectors.toMap(DayCounts::day, Function.identity()));
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            DayCounts c = byDay.get(day);
            long connected = c == null ? 0 : c.connected();
            long withMessage = c == null ? 0 : c.droppedWithMessage();
            long withoutMessage = c == null ? 0 : c.droppedWithoutMessage();
            LocalDate end = day;
            LocalDate start = day.minusDays(ROLLING_DAYS - 1L);
            Period rolling = Period.of(
                    start,
                    end,
                    counts.stream()
                            .filter(d -> !d.day().isBefore(start) && !d.day().isAfter(end))
                            .toList());
            days.add(new Day(
                    day,
                    connected,
                    withMessage + withoutMessage,
                    withMessage,
                    withoutMessage,
                    rate(connected, withMessage + withoutMessage),
                    rolling.dropRate(),
                    rolling.withinLimit(),
                    c == null ? 0 : c.dncViolations(),
                    c == null ? 0 : c.callingWindowViolations()));
        }
        return days;
    }
}
