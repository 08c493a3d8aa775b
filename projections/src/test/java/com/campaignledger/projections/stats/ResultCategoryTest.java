package com.campaignledger.projections.stats;

import com.campaignledger.campaign.api.CallResult;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC section 4's mapping of every call result to a campaign-stats counter. */
class ResultCategoryTest {

    @Test
    void everyResultCountsUnderTheCounterTheSpecNames() {
        Map<CallResult, ResultCategory> expected = new EnumMap<>(CallResult.class);
        expected.put(CallResult.LA, ResultCategory.LIVE);
        expected.put(CallResult.AM, ResultCategory.MACHINE);
        expected.put(CallResult.NO_ANS, ResultCategory.NOANSWER);
        expected.put(CallResult.DNC, ResultCategory.DNC);
        expected.put(CallResult.BUSY, ResultCategory.BUSY);
        expected.put(CallResult.XFER, ResultCategory.TRANSFER);
        expected.put(CallResult.XFER_LEG, ResultCategory.TRANSFER);
        expected.put(CallResult.INTERNAL_ERROR, ResultCategory.ERROR);
        expected.put(CallResult.CARRIER_ERROR, ResultCategory.ERROR);
        expected.put(CallResult.CARRIER_TEMP_ERROR, ResultCategory.ERROR);
        expected.put(CallResult.INVALID_NUMBER, ResultCategory.ERROR);
        for (CallResult result : CallResult.values()) {
            assertThat(ResultCategory.of(result)).as(result.name())
                    .isEqualTo(expected.getOrDefault(result, ResultCategory.MISC));
        }
    }
}
