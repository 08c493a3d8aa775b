package com.campaignledger.operations.processors;

import static com.campaignledger.operations.processors.EventProcessorsHealthIndicator.DEGRADED;
import static com.campaignledger.operations.processors.EventProcessorsHealthIndicator.assess;
import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.operations.deadletters.DeadLetters;
import com.campaignledger.operations.processors.EventProcessorsHealthIndicator.Assessment;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class EventProcessorsHealthIndicatorTest {

    private static ProcessorState state(
            boolean running, int segments, long position, long head, boolean replaying, String error) {
        long lag = segments == 0 ? -1 : Math.max(0, head - Math.max(position, 0));
        return new ProcessorState("campaign-view", running, segments, position, head, lag, replaying, error);
    }

    @Test
    void aProcessorThatKeepsUpIsUp() {
        assertThat(assess(state(true, 4, 120, 125, false, null), null, 10)).isEqualTo(new Assessment(Status.UP, null));
    }

    @Test
    void aProcessorFurtherBehindThanTheThresholdIsDegraded() {
        Assessment assessment = assess(state(true, 4, 100, 111, false, null), null, 10);
        assertThat(assessment.status()).isEqualTo(DEGRADED);
        assertThat(assessment.reason()).isEqualTo("11 events behind the event store (more than 10)");
        assertThat(assess(state(true, 4, 100, 110, false, null), null, 10).status())
                .isEqualTo(Status.UP);
    }

    @Test
    void aProcessorThatHasReadNothingIsAWholeStoreBehind() {
        assertThat(assess(state(true, 4, -1, 11, false, null), null, 10).status())
                .isEqualTo(DEGRADED);
    }

    @Test
    void aReplayIsNotHeldToTheThreshold() {
        assertThat(assess(state(true, 4, 10, 1_000_000, true, null), null, 10).status())
                .isEqualTo(Status.UP);
    }

    @Test
    void aFailingProcessorIsDownAndSaysWhy() {
        Assessment assessment = assess(state(true, 4, 100, 100, false, "IllegalStateException: boom"), null, 10);
        assertThat(assessment.status()).isEqualTo(Status.DOWN);
        assertThat(assessment.reason()).isEqualTo("failing: IllegalStateException: boom");
    }

    @Test
    void aStoppedProcessorIsDown() {
        assertThat(assess(state(false, 0, -1, 100, false, null), null, 10))
                .isEqualTo(new Assessment(Status.DOWN, "not running"));
        assertThat(assess(state(false, 0, -1, 100, false, "stopped after an error"), null, 10)
                        .reason())
                .isEqualTo("not running: stopped after an error");
    }

    @Test
    void anInstanceWithoutSegmentsIsUpBecauseAnotherHoldsThem() {
        Assessment assessment = assess(state(true, 0, -1, 1_000_000, false, null), null, 10);
        assertThat(assessment.status()).isEqualTo(Status.UP);
        assertThat(assessment.reason()).isEqualTo("no segment claimed on this instance");
    }

    @Test
    void aProcessorWithDeadLettersIsDownAndNamesTheOldest() {
        DeadLetters.Letter oldest = new DeadLetters.Letter(
                0L,
                "e-1",
                "CampaignRenamedEvent",
                "c-1",
                3L,
                Instant.EPOCH,
                Instant.EPOCH,
                Instant.EPOCH,
                "org.springframework.dao.DataIntegrityViolationException",
                "violates check constraint");
        Assessment assessment = assess(
                state(true, 1, 100, 100, false, null), new DeadLetters.Summary("campaign-view", 2, 1, oldest), 10);
        assertThat(assessment.status()).isEqualTo(Status.DOWN);
        assertThat(assessment.reason())
                .startsWith("2 events dead-lettered, of 1 aggregates; the oldest: CampaignRenamedEvent e-1 of c-1 (#3)")
                .contains("DataIntegrityViolationException: violates check constraint");
    }
}
