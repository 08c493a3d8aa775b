package com.campaignledger.security;

import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.web.FilterProblems;
import com.campaignledger.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * The problem+json answers of the security filters, which run before Spring MVC and its ProblemHandler:
 * 401 with the Basic challenge, 403 for a role that is not enough, 429 with Retry-After.
 */
class SecurityProblems {

    private final FilterProblems problems;
    private final String challenge;

    SecurityProblems(FilterProblems problems, String realm) {
        this.problems = problems;
        this.challenge = "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
    }

    /** No credentials, wrong ones, or a disabled credential; or a login locked after failed attempts (429). */
    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginLockedException locked) {
            if (locked.reason() == LoginLockedException.Reason.LOCKED_OUT) {
                tooManyRequests(
                        request,
                        response,
                        ProblemType.LOGIN_LOCKED,
                        "This login is locked after repeated failed logins from this address; retry after the time in "
                                + "Retry-After",
                        locked.retryAfter());
            } else {
                tooManyRequests(
                        request,
                        response,
                        ProblemType.LOGIN_THROTTLED,
                        "Too many secrets to check from this address; retry after the time in Retry-After",
                        locked.retryAfter());
            }
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        problems.write(
                request,
                response,
                Problems.of(
                        ProblemType.AUTHENTICATION_REQUIRED,
                        "Send an API credential's login and secret with HTTP Basic authentication"));
    }

    /** The dashboard's sign-in form: the same answers as Basic, but no challenge (the browser would ask itself). */
    void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginLockedException) {
            unauthenticated(request, response, e);
            return;
        }
        problems.write(
                request,
                response,
                Problems.of(
                        ProblemType.AUTHENTICATION_REQUIRED,
                        "The login or the secret is wrong, or the credential or its account is disabled"));
    }

    /** An {@code apikey} that is no live key of an enabled account. */
    void unauthenticatedKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(
                request,
                response,
                Problems.of(
                        ProblemType.AUTHENTICATION_REQUIRED,
                        "The apikey is not a key of this service, or it was revoked"));
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, Problems.of(ProblemType.FORBIDDEN, "This endpoint needs the ADMIN role"));
    }

    void tooManyRequests(
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemType type,
            String detail,
            Duration retryAfter)
            throws IOException {
        problems.tooManyRequests(request, response, type, detail, retryAfter);
    }
}
