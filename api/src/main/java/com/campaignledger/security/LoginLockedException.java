package com.campaignledger.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A login refused before its secret is checked, even the right one, until {@link #retryAfter()}: too many failed
 * logins of that login from that address, or too many secrets to check from that address.
 */
public class LoginLockedException extends AuthenticationException {

    /** Why the login was refused. */
    public enum Reason {
        LOCKED_OUT,
        THROTTLED
    }

    private final Duration retryAfter;
    private final Reason reason;

    public LoginLockedException(Duration retryAfter, Reason reason) {
        super(reason == Reason.LOCKED_OUT ? "Too many failed logins: locked" : "Too many logins from one address");
        this.retryAfter = retryAfter;
        this.reason = reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Reason reason() {
        return reason;
    }
}
