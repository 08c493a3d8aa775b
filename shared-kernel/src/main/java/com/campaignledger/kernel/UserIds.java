package com.campaignledger.kernel;

import java.util.Locale;

/**
 * An agent's userId (seed 003's login name, often an e-mail address) is one user however it is spelled:
 * {@code ALICE@A.TEST}, {@code alice@a.test} and {@code Alice@A.test} log in to the same session, and a campaign has at
 * most one open session per user.
 */
public final class UserIds {

    private UserIds() {}

    /** What userIds are compared by. */
    public static String key(String userId) {
        return userId.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }
}
