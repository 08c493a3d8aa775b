package com.campaignledger.accounts;

/**
 * What authentication needs of a credential: its hash, and whether it and its account are enabled.
 * {@code toString} leaves the hash out, so the record can never put it in a log line.
 */
public record StoredCredential(
        String login,
        String accountId,
        CredentialRole role,
        String secretHash,
        boolean enabled,
        boolean accountEnabled) {

    public boolean usable() {
        return enabled && accountEnabled;
    }

    @Override
    public String toString() {
        return "StoredCredential[login=" + login + ", accountId=" + accountId + ", role=" + role + ", enabled="
                + enabled + ", accountEnabled=" + accountEnabled + "]";
    }
}
