package com.campaignledger.campaign.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The campaign passcode is stored as a salted SHA-256 only, never in clear. */
public final class Passcodes {

    private Passcodes() {}

    public static String hash(CampaignId campaignId, String passcode) {
        if (passcode == null) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((campaignId + ":" + passcode).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
