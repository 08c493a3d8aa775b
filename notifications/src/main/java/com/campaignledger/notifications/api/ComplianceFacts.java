package com.campaignledger.notifications.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A campaign's figures under the abandonment rule when it passed the limit: the 30 UTC days {@code from} to
 * {@code to}, their live answers (connected) and drops, the drop rate and the limit it passed.
 */
public record ComplianceFacts(
        LocalDate from, LocalDate to, long liveAnswers, long drops, BigDecimal dropRate, BigDecimal limit) {}
