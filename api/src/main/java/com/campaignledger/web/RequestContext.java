package com.campaignledger.web;

import com.campaignledger.config.AxonConfig;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who is asking and under which ids, taken from the HTTP request: the metadata every command carries
 * into the events it causes (actor, account, request id, correlation id).
 */
public record RequestContext(String accountId, String actor, String requestId, String correlationId) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    /** Until accounts and credentials exist every request acts for this one account. */
    public static final String DEFAULT_ACCOUNT = "default";
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
        Principal principal = request.getUserPrincipal();
        RequestContext context = new RequestContext(DEFAULT_ACCOUNT, principal == null ? "anonymous" : principal.getName(),
                requestId, correlationId == null ? requestId : correlationId);
        request.setAttribute(ATTRIBUTE, context);
        return context;
    }

    /** The same context, with the request id an idempotency key named. */
    public RequestContext withRequestId(String id) {
        return id == null ? this : new RequestContext(accountId, actor, id, correlationId);
    }

    public MetaData metaData() {
        return MetaData.from(Map.of(
                AxonConfig.ACTOR, actor,
                AxonConfig.ACCOUNT_ID, accountId,
                AxonConfig.REQUEST_ID, requestId,
                AxonConfig.CORRELATION_ID, correlationId));
    }

    private static String safe(String header) {
        return header != null && SAFE_ID.matcher(header).matches() ? header : null;
    }
}
