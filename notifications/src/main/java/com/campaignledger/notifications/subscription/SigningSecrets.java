package com.campaignledger.notifications.subscription;

import java.security.SecureRandom;
import java.util.Base64;

/** Standard Webhooks signing secrets: {@code whsec_} and the base64 of 32 random bytes. */
public final class SigningSecrets {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecrets() {}

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key a secret stands for: the bytes after the prefix, base64-decoded. */
    public static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
