package com.campaignledger.web;

import com.campaignledger.kernel.MetadataKeys;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking and under which ids, taken from the HTTP request: the metadata every command carries
 * into the events it causes (actor, account, request id, correlation id).
 */
public record RequestContext(String accountId, String actor, String requestId, String correlationId) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    /** A request no credential authenticated (only health answers one): an account no id can name. */
    public static final String NO_ACCOUNT = "-";
    /** The request attribute naming the agent a request on an invite token acts for (set by the invite filter). */
    public static final String INVITED_USER_ID = RequestContext.class.getName() + ".invitedUserId";

    static final String ATTRIBUTE = RequestContext.class.getName();
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:/@+=-]{1,128}");

    /** The context of the current request, created once per request by {@link RequestIdFilter}. */
    public static RequestContext of(HttpServletRequest request) {
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof RequestContext context) {
            return context;
        }
        String requestId = safe(request.getHeader(REQUEST_ID_HEADER));
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        String correlationId = safe(request.getHeader(CORRELATION_ID_HEADER));
        RequestContext context = new RequestContext(
                NO_ACCOUNT, "anonymous", requestId, correlationId == null ? requestId : correlationId);
        request.setAttribute(ATTRIBUTE, context);
        return context;
    }

    /**
     * Once the credential is authenticated (see the security package): the request acts for its account,
     * under its login, with the request and correlation ids it already had.
     */
    public static RequestContext authenticated(HttpServletRequest request, String accountId, String login) {
        RequestContext anonymous = of(request);
        RequestContext context = new RequestContext(accountId, login, anonymous.requestId(), anonymous.correlationId());
        request.setAttribute(ATTRIBUTE, context);
        return context;
    }

    /**
     * The current request's context once a key has authenticated it outside Spring Security (a SOAP operation's
     * {@code key}): it acts for the key's account under the key's actor, with the request and correlation ids it
     * already had ({@code fallbackRequestId} when no HTTP request is at hand).
     */
    public static RequestContext authenticatedKey(String accountId, String actor, String fallbackRequestId) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return authenticated(servlet.getRequest(), accountId, actor);
        }
        return new RequestContext(accountId, actor, fallbackRequestId, fallbackRequestId);
    }

    /**
     * The context of the request being answered, once a credential authenticated it; empty outside a request or
     * before authentication. For the ways in that are not controller methods (a SOAP operation behind HTTP Basic).
     */
    public static Optional<RequestContext> current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                && servlet.getRequest().getAttribute(ATTRIBUTE) instanceof RequestContext context
                && !NO_ACCOUNT.equals(context.accountId())) {
            return Optional.of(context);
        }
        return Optional.empty();
    }

    /** The same context, with the request id an idempotency key named. */
    public RequestContext withRequestId(String id) {
        return id == null ? this : new RequestContext(accountId, actor, id, correlationId);
    }

    public MetaData metaData() {
        return MetaData.from(Map.of(
                MetadataKeys.ACTOR, actor,
                MetadataKeys.ACCOUNT_ID, accountId,
                MetadataKeys.REQUEST_ID, requestId,
                MetadataKeys.CORRELATION_ID, correlationId));
    }

    private static String safe(String header) {
        return header != null && SAFE_ID.matcher(header).matches() ? header : null;
    }
}
