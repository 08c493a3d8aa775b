package com.campaignledger.kernel;

import java.util.OptionalInt;

/**
 * The one rule for text from outside (JSON, forms, query strings, SOAP): no control character but tab, CR and LF, and
 * no half of a surrogate pair. PostgreSQL cannot store NUL in text at all, and the others break CSV exports, logs and
 * the screens that show them, so they are refused where they come in, naming the field, rather than acknowledged and
 * failed on later.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** The index of the first character the rule refuses, if any. */
    public static OptionalInt firstRefused(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return OptionalInt.of(i);
                }
            } else if (c >= 0x7f && c <= 0x9f) {
                return OptionalInt.of(i);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return OptionalInt.of(i);
                }
            } else if (Character.isLowSurrogate(c)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public static boolean refused(CharSequence text) {
        return text != null && firstRefused(text).isPresent();
    }

    /** What to tell the sender, e.g. {@code must not contain control characters (U+0000 at position 4)}. */
    public static String problem(CharSequence text) {
        int at = firstRefused(text).orElseThrow();
        return String.format(
                "must not contain control characters other than tab, CR and LF, nor half a surrogate pair (U+%04X at position %d)",
                (int) text.charAt(at), at);
    }
}
