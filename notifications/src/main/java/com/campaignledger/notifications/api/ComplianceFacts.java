package com.campaignledger.notifications.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A campaign's figures under the abandonment rule when it passed the limit, or was projected to: the 30 UTC days
 * {@code from} to {@code to}, their live answers (connected) and drops, the drop rate, the projected rate (the
 * window's a day later if the next day goes as {@code to} has; absent in alerts decided before it was computed) and
 * the limit.
 */
public record ComplianceFacts(
        LocalDate from,
        LocalDate to,
        long liveAnswers,
        long drops,
        BigDecimal dropRate,
        BigDecimal projectedDropRate,
        BigDecimal limit) {}
