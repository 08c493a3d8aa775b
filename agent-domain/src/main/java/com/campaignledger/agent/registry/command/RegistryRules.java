package com.campaignledger.agent.registry.command;

import com.campaignledger.agent.registry.api.InvalidRegistryEntryException;
import com.campaignledger.agent.registry.api.RegistryVersionMismatchException;
import com.campaignledger.kernel.PhoneNumbers;
import java.util.regex.Pattern;

/** The value rules agents and groups share. */
final class RegistryRules {

    static final int MAX_NAME = 200;
    static final int MAX_USER_ID = 200;
    static final int MAX_EMAIL = 254;
    /** Enough to refuse what is clearly no address; the mail server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private RegistryRules() {}

    static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidRegistryEntryException(field, "is required");
        }
        if (value.length() > max) {
            throw new InvalidRegistryEntryException(field, "must be at most " + max + " characters");
        }
    }

    static void requireEmail(String email) {
        if (email != null
                && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            throw new InvalidRegistryEntryException(
                    "email", "must be an e-mail address of at most " + MAX_EMAIL + " characters");
        }
    }

    static void requirePhone(String phone) {
        if (phone != null && !PhoneNumbers.isE164(phone)) {
            throw new InvalidRegistryEntryException("phoneNumber", "must be a phone number in E.164");
        }
    }

    static void checkVersion(String what, Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new RegistryVersionMismatchException(what, expected, actual);
        }
    }
}
