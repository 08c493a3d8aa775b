package com.campaignledger.web;

import com.campaignledger.kernel.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes a problem+json answer from a servlet filter, which runs before Spring MVC and its ProblemHandler:
 * the size limit, the security filters and invite tokens all answer through this, in the same shape as
 * ProblemHandler (Spring's mapper writes a problem's extra properties at the top level).
 */
@Component
public class FilterProblems {

    private final ObjectMapper json;

    public FilterProblems(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A 429 with Retry-After in whole seconds (and as {@code retryAfterSeconds}). */
    public void tooManyRequests(
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemType type,
            String detail,
            Duration retryAfter)
            throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem = Problems.of(type, detail);
        problem.setProperty("retryAfterSeconds", seconds);
        write(request, response, problem);
    }
}
