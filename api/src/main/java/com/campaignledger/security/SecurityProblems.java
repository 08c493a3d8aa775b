package com.campaignledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The problem+json answers of the security filters, which run before Spring MVC and its ProblemHandler:
 * 401 with the Basic challenge, 403 for a role that is not enough, 429 with Retry-After.
 */
class SecurityProblems {

    private final ObjectMapper json;
    private final String challenge;

    SecurityProblems(ObjectMapper json, String realm) {
        this.json = json;
        this.challenge = "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
    }

    /** No credentials, wrong ones, or a disabled credential; or a login locked after failed attempts (429). */
    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginLockedException locked) {
            tooManyRequests(request, response, "Too many failed logins",
                    "This login is locked after repeated failed logins; retry after the time in Retry-After",
                    locked.retryAfter());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Send an API credential's login and secret with HTTP Basic authentication");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "This endpoint needs the ADMIN role");
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, String title, String detail,
                         Duration retryAfter) throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem = problem(request, HttpStatus.TOO_MANY_REQUESTS, title, detail);
        problem.setProperty("retryAfterSeconds", seconds);
        write(response, HttpStatus.TOO_MANY_REQUESTS, problem);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                       String detail) throws IOException {
        write(response, status, problem(request, status, title, detail));
    }

    private void write(HttpServletResponse response, HttpStatus status, ProblemDetail problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
