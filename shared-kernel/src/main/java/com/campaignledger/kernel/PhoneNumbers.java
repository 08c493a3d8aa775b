package com.campaignledger.kernel;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the phone numbers integrators send ({@code 2135551212}, {@code 12135551212},
 * {@code +1 (213) 555-1212}) with libphonenumber and writes them as E.164 ({@code +12135551212}).
 * Numbers without a country code are North-American, as CallFire's were.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "US";
    private static final Pattern SHORT_CODE = Pattern.compile("\\d{5,6}");
    private static final int MAX_INPUT_LENGTH = 40;

    /** The form of a number in E.164: a plus, a country code and at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** The form of a caller id: a North-American number in E.164, or a 5–6 digit short code. */
    private static final Pattern CALLER_ID = Pattern.compile("\\+1\\d{10}|\\d{5,6}");

    private PhoneNumbers() {}

    /**
     * Whether a number is already written in E.164: what the aggregates accept, the edge having normalised every
     * number an integrator sent ({@link #toE164}).
     */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /** Whether a caller id is already in its stored form ({@link #toCallerId}). */
    public static boolean isCallerId(String number) {
        return number != null && CALLER_ID.matcher(number).matches();
    }

    /** The number in E.164, or empty when it is not a valid phone number. */
    public static Optional<String> toE164(String input) {
        if (input == null || input.isBlank() || input.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(input, DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A caller id: a North-American number in E.164, or a 5–6 digit short code as it is. */
    public static Optional<String> toCallerId(String input) {
        if (input != null && SHORT_CODE.matcher(input.trim()).matches()) {
            return Optional.of(input.trim());
        }
        return toE164(input).filter(n -> n.startsWith("+1") && n.length() == 12);
    }
}
