package com.campaignledger.accounts;

/** What a credential may do: USER works in its account; ADMIN also manages accounts, credentials and replays. */
public enum CredentialRole {
    USER,
    ADMIN
}
