package com.campaignledger.dialer.simulation;

import com.campaignledger.campaign.api.CallResult;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The simulated dialer ({@code ledger.dialer.*}): on by default on the embedded database, off in production.
 *
 * @param enabled         whether this instance dials (run it on one instance only)
 * @param tickMillis      how often, in real milliseconds, it looks for numbers to dial
 * @param timeScale       simulated seconds per real second (60: a minute of calling takes a second)
 * @param ringSeconds     how long a number rings before its outcome is known (simulated seconds)
 * @param talkSeconds     how long a connected call lasts before it hangs up (simulated seconds)
 * @param wrapUpSeconds   how long a simulated agent takes to store its response (simulated seconds)
 * @param outcomes        the weight of each result a dial draws (LA is connected to a ready agent)
 * @param fallbackZone    the time zone of a number whose area code has none
 * @param seed            the random seed of the outcome draws (0: a new one each start)
 */
@ConfigurationProperties("ledger.dialer")
public record DialerProperties(
        Boolean enabled,
        Long tickMillis,
        Double timeScale,
        Integer ringSeconds,
        Integer talkSeconds,
        Integer wrapUpSeconds,
        Map<CallResult, Integer> outcomes,
        ZoneId fallbackZone,
        Long seed) {

    public DialerProperties {
        enabled = enabled != null && enabled;
        tickMillis = tickMillis == null ? 200 : tickMillis;
        timeScale = timeScale == null ? 1.0 : timeScale;
        ringSeconds = ringSeconds == null ? 12 : ringSeconds;
        talkSeconds = talkSeconds == null ? 45 : talkSeconds;
        wrapUpSeconds = wrapUpSeconds == null ? 10 : wrapUpSeconds;
        if (outcomes == null || outcomes.isEmpty()) {
            outcomes = new LinkedHashMap<>();
            outcomes.put(CallResult.LA, 40);
            outcomes.put(CallResult.AM, 20);
            outcomes.put(CallResult.NO_ANS, 20);
            outcomes.put(CallResult.BUSY, 10);
            outcomes.put(CallResult.DNC, 5);
            outcomes.put(CallResult.CARRIER_TEMP_ERROR, 5);
        }
        fallbackZone = fallbackZone == null ? ZoneId.of("America/New_York") : fallbackZone;
        seed = seed == null ? 0L : seed;
    }
}
