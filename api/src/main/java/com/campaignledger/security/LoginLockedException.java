package com.campaignledger.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins of one login: refused, even with the right secret, until {@link #retryAfter()}. */
public class LoginLockedException extends AuthenticationException {

    private final Duration retryAfter;

    public LoginLockedException(Duration retryAfter) {
        super("Too many failed logins: locked");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
