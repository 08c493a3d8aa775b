package com.campaignledger.campaign.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingRuleTest {

    private static final BillingRule PER_MINUTE =
            new BillingRule(new BigDecimal("0.05"), BillingRule.Increment.MINUTE, "$");
    private static final BillingRule PER_SECOND =
            new BillingRule(new BigDecimal("0.05"), BillingRule.Increment.SECOND, "€");

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "59, 1", "60, 1", "61, 2", "3600, 60"})
    void aCallIsBilledInWholeMinutesRoundedUp(long seconds, long minutes) {
        assertThat(BillingRule.billedMinutes(seconds)).isEqualTo(minutes);
    }

    @Test
    void usageAddsEveryCallAndItsMinutes() {
        CallUsage usage = CallUsage.NONE.plusCall(61).plusCall(20).plusCall(0);
        assertThat(usage).isEqualTo(new CallUsage(81, 3));
    }

    @Test
    void perMinuteBillsTheRoundedMinutesAndPerSecondTheExactSeconds() {
        CallUsage usage = CallUsage.NONE.plusCall(61).plusCall(20);
        // 2 + 1 minutes at 0.05
        assertThat(PER_MINUTE.formattedCost(usage)).isEqualTo("$0.15");
        // 81 s × 0.05 / 60 = 0.0675 → 0.07 (half-up)
        assertThat(PER_SECOND.formattedCost(usage)).isEqualTo("€0.07");
        assertThat(PER_MINUTE.formattedCost(CallUsage.NONE)).isEqualTo("$0.00");
    }

    @Test
    void seed001sSampleCostIsFortyFiveMinutesAtFiveCents() {
        assertThat(PER_MINUTE.formattedCost(new CallUsage(2700, 45))).isEqualTo("$2.25");
    }

    @Test
    void aNegativeRateIsRefused() {
        assertThatThrownBy(() -> new BillingRule(new BigDecimal("-0.01"), BillingRule.Increment.MINUTE, "$"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
