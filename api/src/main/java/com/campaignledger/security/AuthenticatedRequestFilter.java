package com.campaignledger.security;

import com.campaignledger.accounts.throttle.RequestRateLimits;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.web.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after authentication: the request now acts for the credential's account under its login
 * (the {@link RequestContext} that commands, events and log lines carry), and spends one token of the
 * credential's rate-limit bucket (429 with Retry-After when it is empty).
 */
class AuthenticatedRequestFilter extends OncePerRequestFilter {

    private final RequestRateLimits limits;
    private final SecurityProblems problems;

    AuthenticatedRequestFilter(RequestRateLimits limits, SecurityProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LedgerPrincipal principal) {
            RequestContext.authenticated(request, principal.accountId(), principal.login());
            Optional<Duration> wait = limits.tryConsume("credential:" + principal.login());
            if (wait.isPresent()) {
                problems.tooManyRequests(
                        request,
                        response,
                        ProblemType.RATE_LIMITED,
                        "This credential's request rate limit (" + limits.describe()
                                + ") is reached; retry after the time in Retry-After",
                        wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
