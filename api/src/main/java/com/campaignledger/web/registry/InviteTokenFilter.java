package com.campaignledger.web.registry;

import com.campaignledger.accounts.throttle.RequestRateLimits;
import com.campaignledger.campaign.api.Violation;
import com.campaignledger.dialer.agents.AgentSessionDirectory;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.registry.directory.AgentRegistryDirectory;
import com.campaignledger.registry.invite.InviteTokens;
import com.campaignledger.web.FilterProblems;
import com.campaignledger.web.ProblemHandler;
import com.campaignledger.web.Problems;
import com.campaignledger.web.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request carrying an invite token ({@code Authorization: Bearer <token>}) may use the agent endpoints of its
 * campaign (callback, login, connection, responses, logout, and the invitation it is) for its agent only. An
 * invalid, expired, replaced or revoked token is a 401, another campaign's or agent's endpoint a 403, before
 * anything is written. For a callback the body's userId is checked by the agent sessions' roster gate against the
 * agent the token names.
 * <p>
 * Requests with API credentials are not its business: it looks only at bearer tokens.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class InviteTokenFilter extends OncePerRequestFilter {

    /**
     * The request attribute holding the userId of the agent a valid invite token names; the security filter
     * chain lets such a request through without API credentials.
     */
    private static final String BEARER = "Bearer ";

    private static final Pattern AGENT_ENDPOINT = Pattern.compile(
            "/api/campaigns/(\\d+)/agents/(?:callback|invitation|(\\d+)/(login|connection|responses|logout))");

    private final InviteTokens tokens;
    private final AgentSessionDirectory sessions;
    private final FilterProblems problems;
    private final RequestRateLimits rateLimits;

    InviteTokenFilter(
            InviteTokens tokens,
            AgentSessionDirectory sessions,
            FilterProblems problems,
            RequestRateLimits rateLimits) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.problems = problems;
        this.rateLimits = rateLimits;
    }

    @Override
    protected boolean shouldNotFilter(@NonNull HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(
            @NonNull HttpServletRequest request, @NonNull HttpServletResponse response, @NonNull FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HttpHeaders.AUTHORIZATION)
                .substring(BEARER.length())
                .trim();
        Optional<InviteTokens.Invitation> invitation = tokens.invitation(token);
        if (invitation.isEmpty()) {
            refuse(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The invite token is invalid, expired, replaced or revoked");
            return;
        }
        InviteTokens.Claims claims = invitation.get().claims();
        Matcher endpoint = AGENT_ENDPOINT.matcher(request.getRequestURI());
        if (!endpoint.matches()) {
            refuse(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "An invite token opens only the agent endpoints of its campaign");
            return;
        }
        if ("connection".equals(endpoint.group(3)) && !HttpMethod.GET.matches(request.getMethod())) {
            // Waiting for a call is the agent's; putting a call through or hanging it up is the dialer's.
            refuse(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "An invite token lets the agent wait for calls, not connect them");
            return;
        }
        OptionalLong campaignId = id(endpoint.group(1));
        OptionalLong agentId = endpoint.group(2) == null ? OptionalLong.empty() : id(endpoint.group(2));
        if (campaignId.isEmpty() || (endpoint.group(2) != null && agentId.isEmpty())) {
            problems.write(
                    request,
                    response,
                    ProblemHandler.invalid(List.of(new Violation(
                            campaignId.isEmpty() ? "campaignId" : "agentId",
                            "must be a number of at most 19 digits"))));
            return;
        }
        if (campaignId.getAsLong() != claims.campaignId()) {
            refuse(request, response, HttpStatus.FORBIDDEN, "The invite token is for another campaign");
            return;
        }
        String userId = invitation.get().userId();
        String userKey = AgentRegistryDirectory.key(userId);
        if (agentId.isPresent()) {
            boolean own = sessions.find(agentId.getAsLong())
                    .filter(s -> s.campaignId() == claims.campaignId()
                            && s.accountId().equals(invitation.get().accountId()))
                    .map(s -> AgentRegistryDirectory.key(s.userId()).equals(userKey))
                    .orElse(false);
            if (!own) {
                refuse(request, response, HttpStatus.FORBIDDEN, "The invite token is for another agent");
                return;
            }
        }
        // An agent's page is held to the rate a credential is.
        Optional<Duration> wait = rateLimits.tryConsume(
                "invite:" + invitation.get().accountId() + ":" + claims.campaignId() + ":" + userKey);
        if (wait.isPresent()) {
            problems.tooManyRequests(
                    request,
                    response,
                    ProblemType.RATE_LIMITED,
                    "This invite token's request rate limit (" + rateLimits.describe()
                            + ") is reached; retry after the time in Retry-After",
                    wait.get());
            return;
        }
        request.setAttribute(RequestContext.INVITED_USER_ID, userId);
        // The request acts for the invite's account, and the agent is the actor of what it writes.
        RequestContext.authenticated(request, invitation.get().accountId(), userId);
        chain.doFilter(request, response);
    }

    private static OptionalLong id(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        problems.write(
                request,
                response,
                Problems.of(
                        status == HttpStatus.UNAUTHORIZED
                                ? ProblemType.INVALID_INVITE_TOKEN
                                : ProblemType.OUTSIDE_INVITE_TOKEN,
                        detail));
    }
}
