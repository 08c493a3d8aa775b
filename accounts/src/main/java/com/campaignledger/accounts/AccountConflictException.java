package com.campaignledger.accounts;

/** A change to accounts or credentials that their current state forbids (a taken id, the caller's own credential). */
public class AccountConflictException extends RuntimeException {

    public AccountConflictException(String message) {
        super(message);
    }
}
