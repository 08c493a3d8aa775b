package com.campaignledger.campaign.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a campaign's calls cost, the {@code cost} of seed 001's campaign-finished document (the summary and the
 * postback alike). Every dial attempt's seconds are billed: with {@link Increment#MINUTE} each call is rounded up to
 * whole minutes (61 s bill 120 s; 0 s bill nothing), with {@link Increment#SECOND} the exact seconds. The cost is the
 * billed seconds × {@code ratePerMinute} / 60, rounded half-up to the cent, written after {@code currencySymbol}
 * ({@code $2.25}).
 */
public record BillingRule(BigDecimal ratePerMinute, Increment increment, String currencySymbol) {

    public enum Increment {
        MINUTE,
        SECOND
    }

    public BillingRule {
        Objects.requireNonNull(ratePerMinute, "ratePerMinute");
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(currencySymbol, "currencySymbol");
        if (ratePerMinute.signum() < 0) {
            throw new IllegalArgumentException("the rate per minute must not be negative: " + ratePerMinute);
        }
    }

    /** The minutes a per-minute tariff bills for one call: its seconds rounded up to whole minutes. */
    public static long billedMinutes(long durationSeconds) {
        return (Math.max(0, durationSeconds) + 59) / 60;
    }

    public long billableSeconds(CallUsage usage) {
        return increment == Increment.MINUTE ? usage.minutes() * 60 : usage.seconds();
    }

    public BigDecimal cost(CallUsage usage) {
        return ratePerMinute
                .multiply(BigDecimal.valueOf(billableSeconds(usage)))
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** The cost as seed 001 writes it: the currency symbol and two decimals. */
    public String formattedCost(CallUsage usage) {
        return currencySymbol + cost(usage).toPlainString();
    }
}
