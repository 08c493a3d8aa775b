package com.campaignledger.web;

import com.campaignledger.campaign.api.Violation;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.kernel.json.ControlCharacterException;
import com.campaignledger.kernel.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json: a clear {@code detail} and, for bad input, {@code errors} naming
 * each field. Business rules from the domain keep their meaning: 409 for a state that forbids the command,
 * 412 for a stale If-Match, 404 for an id the ledger does not know.
 * <p>
 * This advice knows the errors every context shares (bad input, ids not found, stale versions, idempotency keys,
 * what Spring MVC refuses) and answers the unexpected ones; each context's own errors are answered by an advice in
 * its web package ({@code CampaignProblems}, {@code AgentSessionProblems}, …), ordered before this one, so a new
 * context adds its errors without touching this class.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ObjectMapper problemJson;

    ProblemHandler(ObjectMapper problemJson) {
        this.problemJson = problemJson;
    }

    @ExceptionHandler(RequestValidationException.class)
    ProblemDetail invalidRequest(RequestValidationException e) {
        return invalid(e.violations());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        String what = describe(String.valueOf(e.getAggregateIdentifier()));
        return Problems.of(
                ProblemType.NOT_FOUND, e instanceof AggregateDeletedException ? what + " was deleted" : "No " + what);
    }

    @ExceptionHandler(CampaignStatusConflictException.class)
    ProblemDetail campaignStatus(CampaignStatusConflictException e) {
        ProblemDetail problem = Problems.of(ProblemType.ILLEGAL_TRANSITION, e.getMessage());
        problem.setProperty("currentStatus", e.status());
        return problem;
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ProblemDetail notFound(ResourceNotFoundException e) {
        ProblemDetail problem = Problems.of(ProblemType.NOT_FOUND, e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(ReadModelRebuildingException.class)
    ResponseEntity<ProblemDetail> rebuilding(ReadModelRebuildingException e) {
        ProblemDetail problem = Problems.of(ProblemType.READ_MODEL_REBUILDING, e.getMessage());
        problem.setProperty("readModel", e.readModel());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ReadModelRebuildingException.RETRY_AFTER_SECONDS))
                .body(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return Problems.of(
                ProblemType.CONCURRENT_CHANGE,
                "The campaign was changed by another request at the same moment, repeatedly; retry the request");
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ProblemDetail preconditionFailed(PreconditionFailedException e) {
        return Problems.of(ProblemType.PRECONDITION_FAILED, e.getMessage());
    }

    /**
     * A body streamed in chunks is only found too large while it is read: Jackson and the controllers that read
     * the stream themselves let the (unchecked) exception through as it is.
     */
    @ExceptionHandler(RequestSizeLimitFilter.PayloadTooLargeException.class)
    ProblemDetail tooLarge(RequestSizeLimitFilter.PayloadTooLargeException e) {
        return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getCause() instanceof TextParameters.ControlCharacterParameterException control) {
            return invalid(List.of(new Violation(e.getName(), control.getMessage())));
        }
        String expected = e.getRequiredType() == null ? "another value" : JsonErrors.describe(e.getRequiredType());
        return invalid(List.of(new Violation(e.getName(), "must be " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            @NonNull HttpMessageNotReadableException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        // Jackson wraps what the stream throws inside a bean in a mapping error with the field's path: the size
        // limit is looked for along the whole chain first.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ControlCharacterException control) {
                return ResponseEntity.badRequest()
                        .body(invalid(List.of(new Violation(control.field(), control.reason()))));
            }
        }
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof JsonMappingException mapping
                    && !mapping.getPath().isEmpty()) {
                return ResponseEntity.badRequest().body(invalid(List.of(JsonErrors.violation(mapping))));
            }
            if (cause instanceof JsonProcessingException json) {
                ProblemDetail problem =
                        Problems.of(ProblemType.MALFORMED_BODY, "Malformed JSON: " + json.getOriginalMessage());
                return ResponseEntity.badRequest().body(problem);
            }
            cause = cause.getCause();
        }
        ProblemDetail problem = Problems.of(ProblemType.MALFORMED_BODY, "The request body is missing or unreadable");
        return ResponseEntity.badRequest().body(problem);
    }

    /** A Content-Type that is not even a media type is the client's error (400 naming it), not an unsupported one. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            @NonNull HttpMediaTypeNotSupportedException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        if (!parses(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            return ResponseEntity.badRequest().body(malformed(HttpHeaders.CONTENT_TYPE));
        }
        return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
    }

    /**
     * A malformed Accept is a 400 naming it; an Accept the endpoint cannot answer a 406. Either is written as
     * problem+json here, whatever the Accept says: content negotiation would otherwise leave the body empty.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            @NonNull HttpMediaTypeNotAcceptableException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        ProblemDetail problem = parses(request.getHeader(HttpHeaders.ACCEPT))
                ? Problems.of(
                        ProblemType.NOT_ACCEPTABLE,
                        "None of the types in Accept can be answered; this endpoint answers "
                                + e.getSupportedMediaTypes())
                : malformed(HttpHeaders.ACCEPT);
        writeDirectly(request, problem);
        return null;
    }

    /** A media type that fails to parse where the service reads one itself (the legacy postbacks' Content-Type). */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ProblemDetail invalidMediaType(InvalidMediaTypeException e, WebRequest request) {
        String header = e.getMediaType().equals(request.getHeader(HttpHeaders.ACCEPT))
                ? HttpHeaders.ACCEPT
                : HttpHeaders.CONTENT_TYPE;
        return malformed(header);
    }

    private static boolean parses(String mediaTypes) {
        if (mediaTypes == null) {
            return true;
        }
        try {
            MediaType.parseMediaTypes(mediaTypes);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static ProblemDetail malformed(String header) {
        return invalid(List.of(new Violation(header, "is not a media type such as application/json")));
    }

    private void writeDirectly(WebRequest request, ProblemDetail problem) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null) {
            HttpServletResponse response = servlet.getResponse();
            try {
                problem.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
                response.setStatus(problem.getStatus());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                problemJson.writeValue(response.getOutputStream(), problem);
            } catch (IOException | IllegalArgumentException ignored) {
                // The status alone still tells the client.
            }
        }
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new Violation(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            @NonNull MethodArgumentNotValidException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Violation(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        List<Violation> violations = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new Violation(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(violations));
    }

    /** What Spring MVC answers by itself (405, 415, a path with no handler, …) gets the kind of its status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            @NonNull Exception e,
            Object body,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            Problems.typed(problem);
        }
        return answer;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Problems.of(
                ProblemType.INTERNAL_ERROR,
                "Unexpected error; nothing was acknowledged. The request id in the X-Request-Id header finds it in the logs.");
    }

    public static ProblemDetail invalid(List<Violation> violations) {
        ProblemDetail problem = Problems.of(
                ProblemType.INVALID_REQUEST,
                violations.stream()
                        .map(v -> v.field() + ": " + v.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("Invalid request"));
        problem.setProperty(
                "errors",
                violations.stream()
                        .map(v -> Map.of("field", v.field(), "message", v.message()))
                        .toList());
        return problem;
    }

    private static String describe(String aggregateIdentifier) {
        if (aggregateIdentifier != null && aggregateIdentifier.startsWith("campaign-")) {
            return "campaign " + aggregateIdentifier.substring("campaign-".length());
        }
        return "resource " + aggregateIdentifier;
    }
}
