package com.campaignledger.dialer.window;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * localRestrictBegin/End: a number is called only inside the window in its own local time, the zone of its
 * area code (NPA) as libphonenumber's geocoder knows it. Numbers whose zone is unknown use {@code fallback}.
 */
public final class CallingWindow {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    private final ZoneId fallback;
    private final Map<String, ZoneId> cache = new ConcurrentHashMap<>();

    public CallingWindow(ZoneId fallback) {
        this.fallback = fallback;
    }

    /** The local time zone of an E.164 number. */
    public ZoneId zoneOf(String e164) {
        return cache.computeIfAbsent(e164.length() > 5 ? e164.substring(0, 5) : e164, prefix -> lookup(e164));
    }

    /** Whether {@code number} may be called at {@code now}; no window means any time. */
    public boolean allows(String number, LocalTime begin, LocalTime end, Instant now) {
        if (begin == null && end == null) {
            return true;
        }
        LocalTime local = now.atZone(zoneOf(number)).toLocalTime();
        boolean afterBegin = begin == null || !local.isBefore(begin);
        boolean beforeEnd = end == null || local.isBefore(end);
        return afterBegin && beforeEnd;
    }

    private ZoneId lookup(String e164) {
        try {
            List<String> zones = ZONES.getTimeZonesForNumber(UTIL.parse(e164, "US"));
            String zone = zones.isEmpty() ? null : zones.get(0);
            return zone == null || zone.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())
                    ? fallback
                    : ZoneId.of(zone);
        } catch (NumberParseException | RuntimeException e) {
            return fallback;
        }
    }
}
