package com.campaignledger.web.openapi;

import com.campaignledger.kernel.problem.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Documents the problem+json answers of every {@code /api} operation from what the operation takes, so an
 * endpoint added later is documented without a line of its own: a path variable can name nothing (404),
 * a body can be too large (413), {@code If-Match} can be stale (412), an {@code Idempotency-Key} can be reused
 * with another request (422). The same rules as {@link com.campaignledger.web.ProblemHandler}'s.
 * A response an operation declares itself is kept.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private record Rule(
            String status, ProblemType type, String description, String example, Predicate<Shape> applies) {}

    /** What a rule looks at: the method and the parameters and body of one operation. */
    private record Shape(PathItem.HttpMethod method, Operation operation) {

        boolean has(String in) {
            return parameters().stream().anyMatch(p -> in.equals(p.getIn()));
        }

        boolean hasHeader(String name) {
            return parameters().stream()
                    .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
        }

        boolean hasBody() {
            return operation.getRequestBody() != null;
        }

        boolean writes() {
            return method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        }

        private List<Parameter> parameters() {
            return operation.getParameters() == null ? List.of() : operation.getParameters();
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "400",
                    ProblemType.INVALID_REQUEST,
                    "Invalid input: `errors` names each offending field. Nothing was written.",
                    "maxAttempts: must be between 1 and 10",
                    s -> s.hasBody() || s.has("path") || s.has("query")),
            new Rule(
                    "404",
                    ProblemType.NOT_FOUND,
                    "No such resource, or it was deleted.",
                    "No campaign 4",
                    s -> s.has("path")),
            new Rule(
                    "409",
                    ProblemType.STATE_CONFLICT,
                    "Not allowed in the resource's current state (`type` says whose). Nothing was written.",
                    "StartCampaign is not allowed in status FINISHED",
                    s -> s.writes() && s.has("path")),
            new Rule(
                    "412",
                    ProblemType.PRECONDITION_FAILED,
                    "`If-Match` names another version: read the resource again and retry with its `ETag`.",
                    "The campaign is at version 7, not 6: read it again and retry with the new ETag",
                    s -> s.hasHeader("If-Match")),
            new Rule(
                    "413",
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than `ledger.max-request-bytes`.",
                    "The request body is larger than 10485760 bytes",
                    Shape::hasBody),
            new Rule(
                    "422",
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This `Idempotency-Key` (or `requestId`) was used before with another request.",
                    "Idempotency-Key 7f3c was used for POST /api/campaigns with another body",
                    s -> s.hasHeader("Idempotency-Key")),
            new Rule(
                    "500",
                    ProblemType.INTERNAL_ERROR,
                    "Unexpected error; nothing was acknowledged. `X-Request-Id` finds it in the logs.",
                    "Unexpected error; nothing was acknowledged. The request id in the X-Request-Id header finds it"
                            + " in the logs.",
                    s -> true));

    private ProblemResponses() {}

    static void addTo(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> addTo(path, new Shape(method, operation)));
            }
        });
    }

    private static void addTo(String path, Shape shape) {
        if (shape.operation().getResponses() == null) {
            shape.operation().setResponses(new ApiResponses());
        }
        ApiResponses responses = shape.operation().getResponses();
        for (Rule rule : RULES) {
            if (rule.applies().test(shape) && !responses.containsKey(rule.status())) {
                responses.addApiResponse(rule.status(), problem(rule, path));
            }
        }
    }

    /** What a problem of a status no rule above describes looks like (security's, content negotiation's, …). */
    private static final Map<String, String> DETAILS = Map.of(
            "401", "Send an API credential's login and secret with HTTP Basic authentication",
            "403", "This endpoint needs the ADMIN role",
            "406", "None of the types in Accept can be answered; this endpoint answers [application/json]",
            "409", "Not allowed in the resource's current state",
            "415", "Content-Type 'text/plain' is not supported",
            "429", "This credential's request rate limit is reached; retry after the time in Retry-After",
            "503", "The read model campaign-view is being rebuilt; retry after the time in Retry-After");

    /** Gives every problem answer that has no example one of its status's kind of problem, at its own path. */
    static void exemplify(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    if (operation.getResponses() == null) {
                        return;
                    }
                    operation.getResponses().forEach((status, response) -> {
                        MediaType media = response.getContent() == null
                                ? null
                                : response.getContent().get(PROBLEM_JSON);
                        if (media != null
                                && media.getExample() == null
                                && media.getExamples() == null
                                && DETAILS.containsKey(status)) {
                            ProblemType type = ProblemType.forStatus(Integer.parseInt(status));
                            Map<String, Object> example = example(type, DETAILS.get(status), path);
                            if (type == ProblemType.RATE_LIMITED) {
                                example.put("retryAfterSeconds", 1);
                            } else if (type == ProblemType.READ_MODEL_REBUILDING) {
                                example.put("readModel", "campaign-view");
                            }
                            media.setExample(example);
                        }
                    });
                }));
    }

    private static Map<String, Object> example(ProblemType type, String detail, String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri().toString());
        example.put("title", type.title());
        example.put("status", type.status());
        example.put("detail", detail);
        example.put("instance", path.replaceAll("\\{[^}]+}", "4")); // a request's path: ids, not templates
        example.put("code", type.name());
        return example;
    }

    private static ApiResponse problem(Rule rule, String path) {
        Map<String, Object> example = example(rule.type(), rule.example(), path);
        if (rule.type() == ProblemType.INVALID_REQUEST) {
            example.put("errors", List.of(Map.of("field", "maxAttempts", "message", "must be between 1 and 10")));
        }
        return new ApiResponse()
                .description(rule.description())
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType()
                                        .schema(new Schema<>().$ref(PROBLEM_REF))
                                        .example(example)));
    }
}
