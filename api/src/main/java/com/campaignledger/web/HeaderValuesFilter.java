package com.campaignledger.web;

import com.campaignledger.campaign.api.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers the service reads are printable ASCII, as HTTP means them to be: a value with anything else (a UTF-8
 * key read as ISO-8859-1, a control character) is a 400 naming the header, before it can become an idempotency key,
 * a request id or a version that matches nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class HeaderValuesFilter extends OncePerRequestFilter {

    private static final List<String> READ = List.of(
            "Idempotency-Key",
            RequestContext.REQUEST_ID_HEADER,
            RequestContext.CORRELATION_ID_HEADER,
            HttpHeaders.IF_MATCH,
            HttpHeaders.IF_NONE_MATCH,
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT,
            HttpHeaders.AUTHORIZATION);

    private final FilterProblems problems;

    public HeaderValuesFilter(FilterProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(
            @NonNull HttpServletRequest request, @NonNull HttpServletResponse response, @NonNull FilterChain chain)
            throws ServletException, IOException {
        for (String header : READ) {
            for (Enumeration<String> values = request.getHeaders(header); values.hasMoreElements(); ) {
                if (!printableAscii(values.nextElement())) {
                    problems.write(
                            request,
                            response,
                            ProblemHandler.invalid(List.of(new Violation(
                                    header,
                                    "must be printable ASCII (no control character, no letter beyond ASCII)"))));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
