package com.campaignledger.projections.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.projections.compliance.ComplianceRecord.Day;
import com.campaignledger.projections.compliance.ComplianceRecord.Period;
import com.campaignledger.projections.compliance.ComplianceRepository.DayCounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The abandonment rule's arithmetic, against figures computed by hand. */
class ComplianceRecordTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private static DayCounts counts(LocalDate day, long connected, long withMessage, long withoutMessage) {
        return new DayCounts(1, day, connected, withMessage, withoutMessage, 0, 0);
    }

    @Test
    void ninetySevenConnectedAndThreeDropsAreThreePercentJustWithinTheLimit() {
        Period period = Period.of(DAY, DAY, List.of(counts(DAY, 97, 2, 1)));
        assertThat(period.liveAnswers()).isEqualTo(97);
        assertThat(period.drops()).isEqualTo(3);
        assertThat(period.dropsWithSafeHarborMessage()).isEqualTo(2);
        assertThat(period.dropsWithoutMessage()).isEqualTo(1);
        assertThat(period.dropRate()).isEqualByComparingTo("0.03");
        assertThat(period.withinLimit()).isTrue();

        Period over = Period.of(DAY, DAY, List.of(counts(DAY, 96, 2, 2)));
        assertThat(over.dropRate()).isEqualByComparingTo("0.04");
        assertThat(over.withinLimit()).isFalse();
    }

    @Test
    void noLiveAnswerHasNoRateAndBreaksNothing() {
        Period none = Period.of(DAY, DAY, List.of());
        assertThat(none.dropRate()).isNull();
        assertThat(none.withinLimit()).isTrue();
        assertThat(ComplianceRecord.rate(0, 0)).isNull();
        assertThat(ComplianceRecord.rate(0, 1)).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(ComplianceRecord.rate(2, 1)).isEqualByComparingTo("0.3333");
    }

    /** Each day carries the rate of the 30 days ending with it: a bad day 30 days ago stops counting the day after. */
    @Test
    void theRollingRateOfADayCoversTheThirtyDaysEndingWithIt() {
        LocalDate bad = DAY.minusDays(30);
        List<DayCounts> counts = List.of(counts(bad, 10, 0, 10), counts(DAY.minusDays(1), 100, 0, 0));
        List<Day> days = ComplianceRecord.daily(DAY.minusDays(2), DAY, counts);
        assertThat(days).extracting(Day::day).containsExactly(DAY.minusDays(2), DAY.minusDays(1), DAY);
        // DAY-2 and DAY-1: the window still holds the bad day (10 drops of 20); DAY-1 adds 100 connected calls.
        assertThat(days.get(0).rolling30DayDropRate()).isEqualByComparingTo("0.5");
        assertThat(days.get(0).withinLimit()).isFalse();
        assertThat(days.get(0).liveAnswers()).isZero();
        assertThat(days.get(0).dropRate()).isNull();
        assertThat(days.get(1).rolling30DayDropRate()).isEqualByComparingTo("0.0833");
        assertThat(days.get(1).dropRate()).isEqualByComparingTo("0");
        // DAY: 30 days back is DAY-29; the bad day has left the window.
        assertThat(days.get(2).rolling30DayDropRate()).isEqualByComparingTo("0");
        assertThat(days.get(2).withinLimit()).isTrue();
    }
}
