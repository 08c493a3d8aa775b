package com.campaignledger.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC section 4's mapping of every call result to one of seed 001's campaign-stats counters. */
class CallResultCategoryTest {

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
        expected.put(CallResult.UNDIALED, ResultCategory.MISC);
        expected.put(CallResult.SD, ResultCategory.ABANDONED);
        expected.put(CallResult.POSTPONED, ResultCategory.MISC);
        expected.put(CallResult.ABANDONED, ResultCategory.ABANDONED);
        expected.put(CallResult.SKIPPED, ResultCategory.MISC);
        expected.put(CallResult.DNT, ResultCategory.MISC);

        assertThat(expected.keySet())
                .as("every result has its expected counter here")
                .isEqualTo(EnumSet.allOf(CallResult.class));
        for (CallResult result : CallResult.values()) {
            assertThat(result.category()).as(result.name()).isEqualTo(expected.get(result));
        }
    }

    @Test
    void theCountersAreSeed001sAndKeepTheirStoredNames() {
        assertThat(Arrays.stream(ResultCategory.values()).map(Enum::name))
                .containsExactly(
                        "LIVE", "MACHINE", "NOANSWER", "DNC", "BUSY", "TRANSFER", "ERROR", "MISC", "ABANDONED");
        assertThat(ResultCategory.ABANDONED.seed001())
                .as("seed 001 has no abandoned")
                .isEqualTo(ResultCategory.MISC);
        assertThat(ResultCategory.LIVE.seed001()).isEqualTo(ResultCategory.LIVE);
    }

    /** SPEC 3.7: live answers and their drops, with and without the safe-harbor message; nothing else counts. */
    @Test
    void liveAnswersAndDropsAreWhatTheAbandonmentRuleCounts() {
        assertThat(CallResult.LA.liveAnswer()).contains(LiveAnswer.CONNECTED);
        assertThat(CallResult.XFER.liveAnswer()).contains(LiveAnswer.CONNECTED);
        assertThat(CallResult.SD.liveAnswer()).contains(LiveAnswer.DROPPED_WITH_MESSAGE);
        assertThat(CallResult.ABANDONED.liveAnswer()).contains(LiveAnswer.DROPPED_WITHOUT_MESSAGE);
        for (CallResult other :
                EnumSet.complementOf(EnumSet.of(CallResult.LA, CallResult.XFER, CallResult.SD, CallResult.ABANDONED))) {
            assertThat(other.liveAnswer()).as(other.name()).isEmpty();
        }
    }
}
