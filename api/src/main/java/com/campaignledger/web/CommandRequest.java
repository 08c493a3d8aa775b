package com.campaignledger.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An HTTP request that sends a command, as the command executor needs it: who asks, the idempotency key of its
 * header, and what identifies it beside the key (method, path and query string). A controller method takes it as a
 * parameter ({@link RequestArguments} resolves it) instead of the servlet request and the header.
 */
public record CommandRequest(RequestContext context, String idempotencyKey, String target) {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    static CommandRequest of(HttpServletRequest http) {
        String query = http.getQueryString();
        return new CommandRequest(
                RequestContext.of(http),
                http.getHeader(IDEMPOTENCY_KEY_HEADER),
                http.getMethod() + " " + http.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
