package com.campaignledger.config;

import com.campaignledger.campaign.billing.BillingRule;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.billing.*}: the tariff of {@link BillingRule}, which prices the {@code cost} of seed 001's
 * campaign-finished document, in the summary and in the postback alike.
 */
@ConfigurationProperties("ledger.billing")
public record BillingProperties(
        @DefaultValue("0.05") BigDecimal ratePerMinute,
        @DefaultValue("MINUTE") BillingRule.Increment increment,
        @DefaultValue("$") String currencySymbol) {

    public BillingProperties {
        if (ratePerMinute.signum() < 0) {
            throw new IllegalArgumentException("ledger.billing.rate-per-minute must not be negative: " + ratePerMinute);
        }
    }

    public BillingRule rule() {
        return new BillingRule(ratePerMinute, increment, currencySymbol);
    }
}
