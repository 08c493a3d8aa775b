package com.campaignledger.security;

import com.campaignledger.web.RequestContext;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after authentication: the request now acts for the credential's account under its login
 * (the {@link RequestContext} that commands, events and log lines carry), and spends one token of the
 * credential's rate-limit bucket (429 with Retry-After when it is empty).
 */
class AuthenticatedRequestFilter extends OncePerRequestFilter {

    private final LedgerSecurityProperties.RateLimit limit;
    private final SecurityProblems problems;
    private final Cache<String, Bucket> buckets;

    AuthenticatedRequestFilter(LedgerSecurityProperties.RateLimit limit, SecurityProblems problems) {
        this.limit = limit;
        this.problems = problems;
        // A bucket left alone for a period has refilled whole: forgetting it then changes nothing.
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limit.period())
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LedgerPrincipal principal) {
            RequestContext.authenticated(request, principal.accountId(), principal.login());
            if (limit.enabled()) {
                ConsumptionProbe probe = bucket(principal.login()).tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    problems.tooManyRequests(
                            request,
                            response,
                            "Too many requests",
                            "This credential's request rate limit (" + limit.capacity() + " per " + limit.period()
                                    + ") is reached; retry after the time in Retry-After",
                            Duration.ofNanos(probe.getNanosToWaitForRefill()));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private Bucket bucket(String login) {
        return buckets.get(
                login,
                l -> Bucket.builder()
                        .addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                        .build());
    }
}
