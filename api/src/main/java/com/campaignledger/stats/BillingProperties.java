package com.campaignledger.stats;

import com.campaignledger.projections.stats.CampaignStats;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code ledger.billing.*}: what a campaign's calls cost, shown as the {@code cost} of seed 001's campaign-finished
 * summary. Every dial attempt's seconds are billed: with {@code increment=MINUTE} each call is rounded up to whole
 * minutes (61 s bill 120 s; 0 s bill nothing), with {@code SECOND} the exact seconds. The cost is the billed seconds
 * × {@code ratePerMinute} / 60, rounded half-up to the cent, written after {@code currencySymbol} ({@code $2.25}).
 */
@ConfigurationProperties("ledger.billing")
public record BillingProperties(@DefaultValue("0.05") BigDecimal ratePerMinute,
                                @DefaultValue("MINUTE") Increment increment,
                                @DefaultValue("$") String currencySymbol) {

    public enum Increment { MINUTE, SECOND }

    public BillingProperties {
        if (ratePerMinute.signum() < 0) {
            throw new IllegalArgumentException("ledger.billing.rate-per-minute must not be negative: " + ratePerMinute);
        }
    }

    public long billableSeconds(CampaignStats stats) {
        return increment == Increment.MINUTE ? stats.callMinutes() * 60 : stats.callSeconds();
    }

    public BigDecimal cost(CampaignStats stats) {
        return ratePerMinute.multiply(BigDecimal.valueOf(billableSeconds(stats)))
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** The cost as seed 001 writes it: the currency symbol and two decimals. */
    public String formattedCost(CampaignStats stats) {
        return currencySymbol + cost(stats).toPlainString();
    }
}
