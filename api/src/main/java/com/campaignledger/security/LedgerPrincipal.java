package com.campaignledger.security;

import com.campaignledger.accounts.CredentialRole;
import org.springframework.security.core.AuthenticatedPrincipal;

/** Who an authenticated request acts as: the login, its account and its role. */
public record LedgerPrincipal(String login, String accountId, CredentialRole role) implements AuthenticatedPrincipal {

    @Override
    public String getName() {
        return login;
    }
}
