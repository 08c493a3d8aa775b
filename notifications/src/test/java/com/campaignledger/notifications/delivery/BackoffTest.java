package com.campaignledger.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.notifications.NotificationProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final NotificationProperties.Retry retry =
            new NotificationProperties.Retry(10, Duration.ofMinutes(1), Duration.ofHours(24), 0.2);

    @Test
    void doublesFromOneMinuteWithoutJitter() {
        Backoff backoff = new Backoff(retry, () -> 0.0);
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofMinutes(256));
    }

    @Test
    void neverWaitsLongerThanTheCapEvenAfterManyFailures() {
        Backoff backoff = new Backoff(retry, () -> 0.0);
        assertThat(backoff.delayAfter(12)).isEqualTo(Duration.ofHours(24));
        assertThat(backoff.delayAfter(500)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        assertThat(new Backoff(retry, () -> 0.999999).delayAfter(2).toMillis()).isBetween(96_000L, 96_001L);
        assertThat(new Backoff(retry, () -> 0.5).delayAfter(1)).isEqualTo(Duration.ofSeconds(54));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        Backoff backoff = new Backoff(retry, () -> 0.0);
        assertThat(backoff.exhausted(9)).isFalse();
        assertThat(backoff.exhausted(10)).isTrue();
    }
}
