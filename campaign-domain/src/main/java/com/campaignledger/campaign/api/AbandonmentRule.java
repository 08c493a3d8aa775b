package com.campaignledger.campaign.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The abandonment rule (FCC 47 CFR 64.1200(a)(7), FTC TSR 16 CFR 310.4(b)(4); SPEC 3.7): at most {@link #LIMIT} of a
 * campaign's live answers dropped over {@link #ROLLING_DAYS} days, drop rate = drops / (live answers + drops) (see
 * {@link LiveAnswer}). The one definition for the compliance record and the compliance alert.
 */
public final class AbandonmentRule {

    /** 3 % of live answers. */
    public static final BigDecimal LIMIT = new BigDecimal("0.03");

    /** Over 30 days (UTC days, the day of the call included). */
    public static final int ROLLING_DAYS = 30;

    private AbandonmentRule() {}

    /** drops / (live answers + drops), to four places; null when there was no live answer at all. */
    public static BigDecimal dropRate(long liveAnswers, long drops) {
        long answered = liveAnswers + drops;
        return answered == 0
                ? null
                : BigDecimal.valueOf(drops).divide(BigDecimal.valueOf(answered), 4, RoundingMode.HALF_UP);
    }

    /** Whether a drop rate keeps to the limit (no rate, no live answer: nothing broken). */
    public static boolean within(BigDecimal rate) {
        return rate == null || rate.compareTo(LIMIT) <= 0;
    }
}
