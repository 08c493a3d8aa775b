package com.campaignledger.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.dialer.window.CallingWindow;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CallingWindowTest {

    private final CallingWindow window = new CallingWindow(ZoneId.of("America/New_York"));
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime EIGHT_PM = LocalTime.of(20, 0);

    @Test
    void knowsTheZoneOfAnAreaCode() {
        assertThat(window.zoneOf("+12135551212")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(window.zoneOf("+12125551212")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(window.zoneOf("+13125551212")).isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void callsOnlyInsideTheNumbersLocalWindow() {
        // 16:30 UTC in March 2026 is 09:30 in Los Angeles (PDT) and 12:30 in New York (EDT).
        Instant t = Instant.parse("2026-03-24T16:30:00Z");
        assertThat(window.allows("+12135551212", NINE, EIGHT_PM, t)).isTrue();
        assertThat(window.allows("+12135551212", LocalTime.of(10, 0), EIGHT_PM, t))
                .isFalse();
        assertThat(window.allows("+12125551212", LocalTime.of(10, 0), EIGHT_PM, t))
                .isTrue();
        // 01:30 UTC is 21:30 in New York and 18:30 in Los Angeles.
        Instant evening = Instant.parse("2026-03-25T01:30:00Z");
        assertThat(window.allows("+12125551212", NINE, EIGHT_PM, evening)).isFalse();
        assertThat(window.allows("+12135551212", NINE, EIGHT_PM, evening)).isTrue();
    }

    @Test
    void noWindowMeansAnyTime() {
        assertThat(window.allows("+12135551212", null, null, Instant.parse("2026-03-24T09:00:00Z")))
                .isTrue();
        assertThat(window.allows("+12135551212", NINE, null, Instant.parse("2026-03-24T15:00:00Z")))
                .isFalse();
    }
}
