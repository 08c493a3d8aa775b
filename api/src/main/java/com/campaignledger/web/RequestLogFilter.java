package com.campaignledger.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One INFO line per HTTP request: method, path, status, duration and actor, with the request and correlation
 * ids of {@link RequestIdFilter} in the MDC (in JSON logs each of them is a field of its own).
 * Runs inside {@link RequestIdFilter} and outside everything else, so a request refused early (a 413) is
 * logged too; a long-polling request is logged when it completes. The query string is left out: links that
 * carry a token put it there. Actuator requests (health probes, metric scrapes) are logged at DEBUG only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(request, response, start));
            } else {
                log(request, failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(), start);
            }
        }
    }

    private static void log(HttpServletRequest request, int status, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        String path = request.getRequestURI();
        String actor = RequestContext.of(request).actor();
        log.atLevel(path.startsWith("/actuator") ? Level.DEBUG : Level.INFO)
                .addKeyValue("method", request.getMethod())
                .addKeyValue("path", path)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", millis)
                .addKeyValue("actor", actor)
                .log("{} {} {} {} ms by {}", request.getMethod(), path, status, millis, actor);
    }

    /** Logs a request that went asynchronous once it is done, on whichever thread finishes it. */
    private record Completion(HttpServletRequest request, HttpServletResponse response, long start)
            implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            RequestContext context = RequestContext.of(request);
            try (MDC.MDCCloseable id = MDC.putCloseable("requestId", context.requestId());
                    MDC.MDCCloseable correlation = MDC.putCloseable("correlationId", context.correlationId())) {
                log(request, response.getStatus(), start);
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
